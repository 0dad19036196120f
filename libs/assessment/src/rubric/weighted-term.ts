/** A term of a rubric point or a question, with how much it counts. */
export interface WeightedTerm {
  term: string;
  weight: number;
}
