import { useEffect, useRef } from 'react';

/**
 * Moves focus to an element once a reload has settled. For dialogs whose trigger disappears with
 * the change they make (a row that leaves a list): focus waits until the list has reloaded, so it
 * lands after the dialog has handed focus back, instead of being lost with the removed button.
 */
export function useFocusWhenSettled<T extends HTMLElement>(busy: boolean) {
  const target = useRef<T>(null);
  const pending = useRef(false);
  useEffect(() => {
    if (pending.current && !busy) {
      pending.current = false;
      target.current?.focus();
    }
  });
  const request = () => {
    pending.current = true;
  };
  return [target, request] as const;
}
