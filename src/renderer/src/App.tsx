import { LoadingScreen, UnavailableScreen } from './components/StatusScreens';
import { SetupWizard } from './features/setup/SetupWizard';
import { AppFrame } from './features/shell/AppFrame';
import { SignInScreen } from './features/sign-in/SignInScreen';
import { useActivityHeartbeat } from './session/useActivityHeartbeat';
import { useWorkspaceSession } from './session/useWorkspaceSession';

/**
 * Picks the screen from the session state. The app frame lives only while unlocked: locking
 * unmounts it, and with it every piece of personal data the screens held.
 */
export function App() {
  const { state, refresh, lock } = useWorkspaceSession();
  useActivityHeartbeat(state.phase === 'unlocked');

  switch (state.phase) {
    case 'loading':
      return <LoadingScreen />;
    case 'unavailable':
      return <UnavailableScreen message={state.message} onRetry={() => void refresh()} />;
    case 'setup':
      return <SetupWizard onFinished={() => void refresh()} />;
    case 'locked':
      return (
        <SignInScreen
          workspaceName={state.workspaceName}
          lockReason={state.lockReason}
          idleMinutes={state.idleMinutes}
          onSignedIn={() => void refresh()}
        />
      );
    case 'unlocked':
      return (
        <AppFrame
          // A different user must never inherit the previous user's screens.
          key={state.user.id}
          workspaceName={state.workspaceName}
          user={state.user}
          onLock={() => void lock()}
          onWorkspaceChanged={() => void refresh()}
        />
      );
  }
}
