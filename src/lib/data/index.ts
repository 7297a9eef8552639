// The client data layer (docs/data-layer.md): typed call / read / invoke on the one Supabase
// client, one error mapper fed by each module's message table, one gate-refusal signal.
export { bindDataLayer } from './bind';
export { createDataLayer, type DataLayer, type EdgeFunctionName, type RpcArgs, type RpcName, type RpcReturns } from './create';
export { mapError, mapStorageError, messageFor, storageStatus, toAppError } from './errors';
export { FIXABLE_GATE_CODES, GATE_CODES, isFixableGate, isGateCode, onGateRefusal, signalGateRefusal, type GateCode } from './gate';
export { asShape } from './shape';
export { newestFirst } from './newest';
export { COMMON_MESSAGES, type MessageTable, type ModuleMessages } from './messages';
