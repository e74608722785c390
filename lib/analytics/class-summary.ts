import type { Bilingual, ParamValues } from "@/lib/questions";
import { accuracyByParam, topMistakes, type MistakeCount, type ParamAccuracy } from "./buckets";

/**
 * What `/author/analytics` shows of a class's answers — per concept, per template, per student —
 * computed from attempts the data layer has already read and checked. Pure: no database, no clock
 * (`now` is an argument), and one pass over the attempts, so the cost grows with the attempts and
 * nothing else.
 *
 * An attempt is an answered question. "Correct" is the checker's verdict; a self-graded card counts
 * as correct when the student graded it 3 or more, and is left out of the share until graded.
 */

export interface Attempt {
  userId: string;
  cardId: string;
  deckId: string;
  concept: string;
  itemId: string;
  params: ParamValues;
  /** null: a self-graded card not graded yet. */
  correct: boolean | null;
  /** The matched mistake of a wrong answer (null when none matched, or the answer was not wrong). */
  mistake: Bilingual | null;
  wrong: boolean;
  at: Date;
}

/** A submitted mock exam of a member. */
export interface ExamResult {
  userId: string;
  score: number;
  total: number;
  submittedAt: Date;
}

export interface ClassMemberInfo {
  userId: string;
  name: string;
  email: string;
  joinedAt: Date;
}

/** What the summary needs of a card of the class's decks. */
export interface CardInfo {
  itemType: string;
  /** A template's title; null for a static card. */
  title: Bilingual | null;
}

export interface Tally {
  attempts: number;
  /** Attempts with a verdict (self-graded cards count once graded). */
  scored: number;
  correct: number;
  rate: number | null;
}

export interface ConceptAnalytics extends Tally {
  deckId: string;
  concept: string;
  name: Bilingual | null;
  students: number;
}

export interface TemplateAnalytics extends Tally {
  cardId: string;
  deckId: string;
  itemId: string;
  itemType: string;
  title: Bilingual | null;
  concept: string;
  conceptName: Bilingual | null;
  byParam: ParamAccuracy[];
  mistakes: MistakeCount[];
  /** Wrong answers that matched no listed mistake. */
  unmatchedWrong: number;
}

export interface StudentProgress extends Tally {
  userId: string;
  name: string;
  email: string;
  joinedAt: string;
  attemptsLast7Days: number;
  /** Cards of the class's decks reviewed at least once. */
  cardsStudied: number;
  lastActive: string | null;
  exams: number;
  lastExam: { score: number; total: number; submittedAt: string } | null;
  /** Lowest share correct among concepts with at least three scored attempts. */
  weakestConcept: { deckId: string; concept: string; name: Bilingual | null; rate: number } | null;
}

export interface ClassSummaryInput {
  now: Date;
  attempts: readonly Attempt[];
  /** Newest first: a member's first one is their last exam. */
  exams: readonly ExamResult[];
  members: readonly ClassMemberInfo[];
  cards: ReadonlyMap<string, CardInfo>;
  /** Concept names by deck id, then concept id. */
  conceptNames: ReadonlyMap<string, ReadonlyMap<string, Bilingual>>;
  /** Cards studied by user id. */
  cardsStudied: ReadonlyMap<string, number>;
}

export interface ClassSummary {
  totals: Tally;
  concepts: ConceptAnalytics[];
  templates: TemplateAnalytics[];
  students: StudentProgress[];
}

/** A weakest concept needs at least this many scored attempts (fewer say little). */
export const WEAKEST_MIN_SCORED = 3;
const DAY_MS = 86_400_000;

/** Counts of one group of attempts, added to one attempt at a time. */
class Counter {
  attempts = 0;
  scored = 0;
  correct = 0;

  add(attempt: Attempt): void {
    this.attempts += 1;
    if (attempt.correct !== null) this.scored += 1;
    if (attempt.correct === true) this.correct += 1;
  }

  tally(): Tally {
    return { attempts: this.attempts, scored: this.scored, correct: this.correct, rate: this.scored === 0 ? null : this.correct / this.scored };
  }
}

interface ConceptGroup {
  deckId: string;
  concept: string;
  counter: Counter;
}

interface ConceptAccumulator extends ConceptGroup {
  students: Set<string>;
}

interface TemplateAccumulator {
  first: Attempt;
  counter: Counter;
  scored: { params: ParamValues; correct: boolean }[];
  mistakes: Bilingual[];
  unmatchedWrong: number;
}

interface StudentAccumulator {
  counter: Counter;
  last7Days: number;
  lastActive: Date | null;
  concepts: Map<string, ConceptGroup>;
}

/** The value of `key` in `map`, made by `make` the first time. */
function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

const conceptKey = (attempt: Attempt) => `${attempt.deckId}\u001f${attempt.concept}`;

export function summarizeClass(input: ClassSummaryInput): ClassSummary {
  const conceptName = (deckId: string, concept: string) => input.conceptNames.get(deckId)?.get(concept) ?? null;
  const weekAgo = input.now.getTime() - 7 * DAY_MS;
  const overall = new Counter();
  const concepts = new Map<string, ConceptAccumulator>();
  const templates = new Map<string, TemplateAccumulator>();
  const students = new Map<string, StudentAccumulator>();

  for (const attempt of input.attempts) {
    overall.add(attempt);
    const key = conceptKey(attempt);
    const concept = entry(concepts, key, () => ({ deckId: attempt.deckId, concept: attempt.concept, counter: new Counter(), students: new Set<string>() }));
    concept.counter.add(attempt);
    concept.students.add(attempt.userId);

    const template = entry(templates, attempt.cardId, () => ({ first: attempt, counter: new Counter(), scored: [], mistakes: [], unmatchedWrong: 0 }));
    template.counter.add(attempt);
    if (attempt.correct !== null) template.scored.push({ params: attempt.params, correct: attempt.correct });
    if (attempt.wrong) {
      if (attempt.mistake) template.mistakes.push(attempt.mistake);
      else template.unmatchedWrong += 1;
    }

    const student = entry(students, attempt.userId, () => ({ counter: new Counter(), last7Days: 0, lastActive: null, concepts: new Map() }));
    student.counter.add(attempt);
    if (attempt.at.getTime() >= weekAgo) student.last7Days += 1;
    if (student.lastActive === null || attempt.at > student.lastActive) student.lastActive = attempt.at;
    entry(student.concepts, key, () => ({ deckId: attempt.deckId, concept: attempt.concept, counter: new Counter() })).counter.add(attempt);
  }

  const examsOf = new Map<string, ExamResult[]>();
  for (const exam of input.exams) entry(examsOf, exam.userId, () => []).push(exam);

  return {
    totals: overall.tally(),
    concepts: [...concepts.values()]
      .map((c) => ({ deckId: c.deckId, concept: c.concept, name: conceptName(c.deckId, c.concept), ...c.counter.tally(), students: c.students.size }))
      .sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2) || b.attempts - a.attempts || a.concept.localeCompare(b.concept)),
    templates: [...templates.entries()]
      .map(([cardId, t]) => {
        const card = input.cards.get(cardId);
        return {
          cardId,
          deckId: t.first.deckId,
          itemId: t.first.itemId,
          itemType: card?.itemType ?? "parametric",
          title: card?.title ?? null,
          concept: t.first.concept,
          conceptName: conceptName(t.first.deckId, t.first.concept),
          ...t.counter.tally(),
          byParam: accuracyByParam(t.scored),
          mistakes: topMistakes(t.mistakes),
          unmatchedWrong: t.unmatchedWrong,
        };
      })
      .sort((a, b) => b.attempts - a.attempts || a.cardId.localeCompare(b.cardId)),
    students: input.members
      .map((member) => {
        const mine = students.get(member.userId);
        const exams = examsOf.get(member.userId) ?? [];
        const lastExam = exams[0];
        return {
          userId: member.userId,
          name: member.name,
          email: member.email,
          joinedAt: member.joinedAt.toISOString(),
          ...(mine?.counter ?? new Counter()).tally(),
          attemptsLast7Days: mine?.last7Days ?? 0,
          cardsStudied: input.cardsStudied.get(member.userId) ?? 0,
          lastActive: mine?.lastActive?.toISOString() ?? null,
          exams: exams.length,
          lastExam: lastExam ? { score: lastExam.score, total: lastExam.total, submittedAt: lastExam.submittedAt.toISOString() } : null,
          weakestConcept: mine ? weakestConcept(mine.concepts.values(), conceptName) : null,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email)),
  };
}

/** The concept with the lowest share correct among those with enough scored attempts (the first one on a tie). */
function weakestConcept(groups: Iterable<ConceptGroup>, conceptName: (deckId: string, concept: string) => Bilingual | null): StudentProgress["weakestConcept"] {
  let weakest: StudentProgress["weakestConcept"] = null;
  for (const group of groups) {
    const { scored, rate } = group.counter.tally();
    if (scored >= WEAKEST_MIN_SCORED && rate !== null && (weakest === null || rate < weakest.rate)) {
      weakest = { deckId: group.deckId, concept: group.concept, name: conceptName(group.deckId, group.concept), rate };
    }
  }
  return weakest;
}
