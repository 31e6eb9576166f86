/**
 * The three-item UCLA Loneliness Scale (Hughes et al. 2004), as the ONS uses it: three questions
 * answered hardly ever (1), some of the time (2) or often (3). The total runs from 3 to 9; higher
 * means lonelier.
 */
export const UCLA3_QUESTIONS = [
  'How often do you feel that you lack companionship?',
  'How often do you feel left out?',
  'How often do you feel isolated from others?',
] as const;

export const UCLA3_RESPONSES = ['Hardly ever', 'Some of the time', 'Often'] as const;

export const UCLA3_ITEM_MIN = 1;
export const UCLA3_ITEM_MAX = 3;
export const UCLA3_TOTAL_MIN = 3;
export const UCLA3_TOTAL_MAX = 9;

export function scoreUcla3(answers: readonly number[]): number {
  if (answers.length !== UCLA3_QUESTIONS.length) throw new RangeError('The UCLA loneliness scale needs all 3 answers');
  for (const answer of answers) {
    if (!Number.isInteger(answer) || answer < UCLA3_ITEM_MIN || answer > UCLA3_ITEM_MAX) throw new RangeError(`A UCLA loneliness answer is a whole number from 1 to 3, not ${answer}`);
  }
  return answers.reduce((sum, answer) => sum + answer, 0);
}
