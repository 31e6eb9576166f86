import type { PlanGoal } from '../../../../shared/ipc/plans-schemas';

/** Long goals are cut in lists; the person's words are shown in full on the plan itself. */
const SHORT_GOAL = 80;

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > SHORT_GOAL ? `${oneLine.slice(0, SHORT_GOAL - 1)}…` : oneLine;
}

/** "Goal 2: Meet people once a week", numbered as on the current plan. */
export function goalLabel(goals: readonly PlanGoal[], goalId: string): string {
  const index = goals.findIndex((goal) => goal.id === goalId);
  return index < 0 ? 'A goal of an earlier version of the plan' : `Goal ${index + 1}: ${shorten(goals[index]!.text)}`;
}

/** The radio choices for "Which goal does it serve?": none, or one of the plan's goals. */
export function goalOptions(goals: readonly PlanGoal[]): Record<string, string> {
  const options: Record<string, string> = { '': 'Not for one goal in particular' };
  goals.forEach((goal) => {
    options[goal.id] = goalLabel(goals, goal.id);
  });
  return options;
}
