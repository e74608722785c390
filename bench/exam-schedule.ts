/**
 * Plain SM-2 against the exam-aware schedule, side by side, on simulated students with known
 * (varied) forgetting curves (lib/srs/study-simulation.ts): 30 days, a 105-card deck, an exam on
 * day 21. Prints the share of cards seen twice / three times before the exam, counted reviews per day,
 * the simulated exam-day recall, and the readiness model's calibration in deciles of the prediction.
 *
 *   npx tsx bench/exam-schedule.ts [students=200] [seed=1]
 */
import {
  calibrationDeciles,
  cardHistoriesOf,
  fitPopulationModel,
  fitStudentModel,
  predictRecall,
  type LoggedReview,
} from "../lib/srs/readiness";
import { createSimulatedStudent, simulateStudy, trueRecall, type ScheduleMode, type SimulatedCard, type StudyRun } from "../lib/srs/study-simulation";
import { createRandom } from "../lib/sim/random/seeded-random";
import { runBench } from "./run-bench";

const STUDENTS = Number(process.argv[2] ?? 200);
const SEED = Number(process.argv[3] ?? 1);
const DAYS = 30;
const EXAM_DAY = 21;
const DECK = "course";
const CONCEPTS = 15;
const CARDS = 105;
const PLAIN_NEW_PER_DAY = 20;
const DAILY_LOAD_CAP = 100;

const cards: SimulatedCard[] = Array.from({ length: CARDS }, (_, i) => ({
  id: `card-${String(i).padStart(3, "0")}`,
  concept: `concept-${String(i % CONCEPTS).padStart(2, "0")}`,
  position: i,
}));
const students = Array.from({ length: STUDENTS }, (_, i) => createSimulatedStudent(SEED * 100_003 + i, cards));

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

const percent = (value: number) => `${(100 * value).toFixed(1)}%`;

/**
 * Deciles with fewer predictions are left out of the summary: 100 answers of a decile near 0.5
 * have a sampling error of √(0.25/100) = 0.05, the very tolerance checked (the table shows all).
 */
const CALIBRATION_MIN_COUNT = 100;

function largestGap(bins: ReturnType<typeof calibrationDeciles>, countsFrom = bins): number {
  return Math.max(...bins.filter((_, i) => (countsFrom[i]?.count ?? 0) >= CALIBRATION_MIN_COUNT).map((bin) => Math.abs(bin.meanObserved - bin.meanPredicted)));
}

interface ModeFigures {
  seenTwice: number;
  seenThrice: number;
  meanPerDay: number;
  meanMaxPerDay: number;
  worstMaxOverMean: number;
  studentsAboveOneAndAHalf: number;
  meanPerDayAll: number;
  maxPerDayAll: number;
  examRecall: number;
  calibration: ReturnType<typeof calibrationDeciles>;
  trueCalibration: ReturnType<typeof calibrationDeciles>;
}

function figuresFor(mode: ScheduleMode): ModeFigures {
  const started = performance.now();
  const runs: StudyRun[] = students.map((student) =>
    simulateStudy({
      student,
      cards,
      deckId: DECK,
      days: DAYS,
      exams: [{ day: EXAM_DAY, deckIds: [DECK] }],
      mode,
      seed: SEED,
      newPerDay: PLAIN_NEW_PER_DAY,
      dailyLoadCap: DAILY_LOAD_CAP,
    }),
  );
  const beforeExam = runs.map((run) => run.log.filter((review) => review.day < EXAM_DAY));
  const countsPerCard = beforeExam.map((log) => {
    const counts = new Map<string, number>();
    for (const review of log) counts.set(review.cardId, (counts.get(review.cardId) ?? 0) + 1);
    return counts;
  });
  const shareWith = (minimum: number) =>
    mean(countsPerCard.map((counts) => cards.filter((card) => (counts.get(card.id) ?? 0) >= minimum).length / CARDS));
  const preExamDays = runs.map((run) => run.reviewsPerDay.slice(0, EXAM_DAY));

  const population = fitPopulationModel(beforeExam);
  const outcomes = createRandom(SEED ^ 0x5eed);
  const pairs: { predicted: number; observed: number }[] = [];
  const truePairs: { predicted: number; observed: number }[] = [];
  const recalls: number[] = [];
  students.forEach((student, index) => {
    const log: LoggedReview[] = beforeExam[index] ?? [];
    const model = fitStudentModel(log, population);
    const histories = cardHistoriesOf(log);
    for (const card of cards) {
      const history = histories.get(card.id);
      const truth = trueRecall(student, card, history, EXAM_DAY);
      recalls.push(truth);
      if (!history) continue;
      const predicted = predictRecall(model, history, EXAM_DAY);
      pairs.push({ predicted, observed: outcomes.uniform() < truth ? 1 : 0 });
      truePairs.push({ predicted, observed: truth });
    }
  });
  const figures: ModeFigures = {
    seenTwice: shareWith(2),
    seenThrice: shareWith(3),
    meanPerDay: mean(preExamDays.map(mean)),
    meanMaxPerDay: mean(preExamDays.map((days) => Math.max(...days))),
    worstMaxOverMean: Math.max(...preExamDays.map((days) => Math.max(...days) / mean(days))),
    studentsAboveOneAndAHalf: preExamDays.filter((days) => Math.max(...days) > 1.5 * mean(days)).length,
    meanPerDayAll: mean(runs.map((run) => mean(run.reviewsPerDay))),
    maxPerDayAll: mean(runs.map((run) => Math.max(...run.reviewsPerDay))),
    examRecall: mean(recalls),
    calibration: calibrationDeciles(pairs),
    trueCalibration: calibrationDeciles(truePairs),
  };
  console.error(`${mode}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return figures;
}

runBench(() => {
  const plain = figuresFor("plain");
  const exam = figuresFor("exam");

  console.log(`exam-schedule bench: ${STUDENTS} simulated students, ${CARDS} cards in ${CONCEPTS} concepts, ${DAYS} days, exam on day ${EXAM_DAY}, seed ${SEED}`);
  console.log(`plain SM-2: ${PLAIN_NEW_PER_DAY} new a day; exam-aware: paced new cards, daily load cap ${DAILY_LOAD_CAP}`);
  console.log("");
  const rows: [string, (f: ModeFigures) => string][] = [
    ["cards seen ≥ 2 times before the exam", (f) => percent(f.seenTwice)],
    ["cards seen ≥ 3 times before the exam", (f) => percent(f.seenThrice)],
    ["counted reviews/day, days 0–20: mean", (f) => f.meanPerDay.toFixed(1)],
    ["counted reviews/day, days 0–20: max (mean over students)", (f) => f.meanMaxPerDay.toFixed(1)],
    ["  max ÷ mean, worst student", (f) => f.worstMaxOverMean.toFixed(2)],
    ["  max ÷ mean, typical (mean max ÷ mean)", (f) => (f.meanMaxPerDay / f.meanPerDay).toFixed(2)],
    ["  students whose max is over 1.5 × their mean", (f) => `${f.studentsAboveOneAndAHalf} of ${STUDENTS}`],
    ["counted reviews/day, days 0–29: mean / max", (f) => `${f.meanPerDayAll.toFixed(1)} / ${f.maxPerDayAll.toFixed(1)}`],
    ["simulated exam-day recall (all cards)", (f) => percent(f.examRecall)],
    [`readiness: largest decile gap, deciles of ≥ ${CALIBRATION_MIN_COUNT}, to answers`, (f) => largestGap(f.calibration).toFixed(3)],
    [`readiness: largest decile gap, deciles of ≥ ${CALIBRATION_MIN_COUNT}, to true recall`, (f) => largestGap(f.trueCalibration, f.calibration).toFixed(3)],
  ];
  console.log(`${"".padEnd(58)}${"plain SM-2".padStart(14)}${"exam-aware".padStart(14)}`);
  for (const [label, show] of rows) console.log(`${label.padEnd(58)}${show(plain).padStart(14)}${show(exam).padStart(14)}`);

  for (const [name, figures] of [["plain SM-2", plain], ["exam-aware", exam]] as const) {
    console.log("");
    console.log(`readiness calibration on exam day (${name}): decile, n, mean predicted, simulated outcome (|gap|), true recall (|gap|)`);
    figures.calibration.forEach((bin, i) => {
      const truth = figures.trueCalibration[i];
      if (bin.count === 0 || !truth) {
        console.log(`  ${bin.lower.toFixed(1)}–${bin.upper.toFixed(1)}  n=0`);
        return;
      }
      const gap = Math.abs(bin.meanObserved - bin.meanPredicted);
      const trueGap = Math.abs(truth.meanObserved - truth.meanPredicted);
      console.log(
        `  ${bin.lower.toFixed(1)}–${bin.upper.toFixed(1)}  n=${String(bin.count).padStart(6)}  ${bin.meanPredicted.toFixed(3)}  ${bin.meanObserved.toFixed(3)} (${gap.toFixed(3)})  ${truth.meanObserved.toFixed(3)} (${trueGap.toFixed(3)})`,
      );
    });
  }
});
