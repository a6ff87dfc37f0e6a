/**
 * Official criteria wording that a licence holder imports from their own file. Attest never
 * ships it; it is stored per organization, apart from our labels and summaries.
 */
export interface CriterionText {
  criterionId: string;
  text: string;
  pointsOfFocus: string[];
}
