/**
 * `deepdrill params [file|-]`: parameter counts of one architecture spec, or of a JSON/YAML array of
 * specs in one process, each verified against TensorFlow.js (docs/architecture.md "Contracts").
 * Exit 0 when every valid spec's closed form and tfjs agree; 1 when one disagrees or tfjs fails on a
 * spec the validator accepted (a check failed); 2 for a single invalid spec or text that is not
 * JSON/YAML. In a batch an invalid spec gives `{"error": ...}` in its place and leaves the exit code
 * at 0: the batch itself was well formed, and each answer is in its place.
 */
import { parseSpecText, validateSpec } from "../../model-core";
import { EXIT_CHECK_FAILED, EXIT_OK, UsageError, printJson, readInput } from "../run-command";

export async function run(args: string[]): Promise<number> {
  if (args.length > 1) throw new UsageError("expects one spec file, or - (or nothing) for standard input");
  const parsed = parseSpecText(await readInput(args[0]));
  if (!parsed.ok) throw new UsageError(parsed.error);

  if (Array.isArray(parsed.value)) {
    const { paramsReportFor, isParamsReportError, quietTfjs } = await import("../../model-core/tfjs");
    quietTfjs();
    let allAgree = true;
    const results = parsed.value.map((input: unknown) => {
      try {
        const result = paramsReportFor(input);
        if (!isParamsReportError(result) && !result.tfjs.agrees) allAgree = false;
        return result;
      } catch (error) {
        // Only a spec the validator accepted gets this far: tfjs refusing it is a failed check.
        allAgree = false;
        return { error: `tfjs could not build this valid spec: ${error instanceof Error ? error.message : String(error)}` };
      }
    });
    printJson(results);
    return allAgree ? EXIT_OK : EXIT_CHECK_FAILED;
  }

  // A single spec is checked before tfjs loads: a typo costs no TensorFlow.js start-up.
  const validation = validateSpec(parsed.value);
  if (!validation.ok) throw new UsageError(validation.error);
  const { verifyArchitecture, quietTfjs } = await import("../../model-core/tfjs");
  quietTfjs();
  const report = verifyArchitecture(validation.spec);
  printJson(report);
  return report.tfjs.agrees ? EXIT_OK : EXIT_CHECK_FAILED;
}
