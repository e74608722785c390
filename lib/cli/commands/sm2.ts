/**
 * `sm2 <seq> [<seq> ...]`: each seq a comma-separated list of grades ("5,4,3,0,5") → one array per
 * argument of the SM-2 state after each grade, the reviews taken in turn, each on its due day (docs/architecture.md "Spaced repetition: SM-2 as read here"):
 * `[[{"repetition", "interval", "easiness"}, ...], ...]`, easiness as a number (2.6, not 260).
 */
import { easinessOf, parseGrade, replaySm2, type Grade } from "../../srs";
import { EXIT_OK, printJson, UsageError } from "../run-command";

const EXAMPLE = "e.g. sm2 5,4,3,0,5";

function parseSequence(argument: string, index: number): Grade[] {
  const where = `sequence ${index + 1} (${JSON.stringify(argument)})`;
  if (argument.trim() === "") throw new UsageError(`${where} is empty; expected grades 0-5 separated by commas, ${EXAMPLE}`);
  return argument.split(",").map((token, position) => {
    const text = token.trim();
    if (!/^[0-5]$/.test(text)) {
      throw new UsageError(
        `${where}: grade ${position + 1} is ${JSON.stringify(token)}; grades are integers 0-5 separated by commas, ${EXAMPLE}`,
      );
    }
    return parseGrade(Number(text));
  });
}

export async function run(args: string[]): Promise<number> {
  if (args.length === 0) throw new UsageError(`expected at least one grade sequence, ${EXAMPLE}`);
  const sequences = args.map(parseSequence);
  const results = sequences.map((grades, index) => {
    let states;
    try {
      // Reviews on their due days are each the first of their day, so every grade is an SM-2 review and
      // the day numbers themselves do not enter the result.
      states = replaySm2(grades);
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(`sequence ${index + 1}: ${error.message}`);
      throw error;
    }
    return states.map((state) => ({
      repetition: state.repetition,
      interval: state.interval,
      easiness: easinessOf(state),
    }));
  });
  printJson(results);
  return EXIT_OK;
}
