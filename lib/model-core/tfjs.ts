/**
 * The model core's TensorFlow.js half: builds specs as real `tf.sequential` models, counts them,
 * and checks the closed form against them. Imports `@tensorflow/tfjs`; pages that only need the
 * closed form import `lib/model-core` (index) instead.
 */
export { countWithTfjs, type TfjsCount } from "./verify/count-with-tfjs";
export { verifyArchitecture, type ParamsReport, type ParamsReportLayer } from "./verify/verify-architecture";
export { buildTrainableModel, type TrainableModelOptions } from "./verify/build-trainable-model";
export { paramsReportFor, isParamsReportError, type ParamsReportError } from "./verify/params-report";
export { pytorchAdjustment, type PytorchAdjustment } from "./verify/pytorch-adjustment";
export { quietTfjs } from "./verify/quiet-tfjs";
