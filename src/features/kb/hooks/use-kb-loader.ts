// The shared loader (one import for the feature's screens).
export { useLoader } from '../../../lib/hooks/use-loader';
