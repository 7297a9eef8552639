// The feature's loader: the shared one (src/features/enterprise for now; src/lib/hooks once the
// structure lands) — one import to change.
export { useLoader } from '../../enterprise/hooks/use-loader';
