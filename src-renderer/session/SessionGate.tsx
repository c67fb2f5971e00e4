import { AppFrame } from '../shell/AppFrame';
import { FirstRunScreen } from './screens/FirstRunScreen';
import { ForcedPasswordChangeScreen } from './screens/ForcedPasswordChangeScreen';
import { LockScreen } from './screens/LockScreen';
import { SignInScreen } from './screens/SignInScreen';
import { SitePassphraseScreen } from './screens/SitePassphraseScreen';
import { StartingScreen, UnreachableScreen } from './screens/StartScreens';
import { useSessionControls } from './session-context';

/**
 * Shows the one screen the session's state calls for. When locked, the frame stays mounted
 * but hidden (display: none, out of the accessibility tree) under the lock screen, so no
 * data shows and nothing of the page is lost.
 */
export function SessionGate() {
  const { gate, restart } = useSessionControls();
  switch (gate.kind) {
    case 'starting':
      return <StartingScreen />;
    case 'unreachable':
      return <UnreachableScreen message={gate.message} onRetry={restart} />;
    case 'site-locked':
      return <SitePassphraseScreen message={gate.message} />;
    case 'first-run':
      return <FirstRunScreen setupTokenRequired={gate.setupTokenRequired} />;
    case 'sign-in':
      return <SignInScreen notice={gate.notice} />;
    case 'signed-in': {
      const { locked, user } = gate.session;
      if (user.mustChangePassword) return locked ? <LockScreen /> : <ForcedPasswordChangeScreen />;
      return (
        <>
          {locked && <LockScreen />}
          <div hidden={locked}>
            <AppFrame active={!locked} />
          </div>
        </>
      );
    }
  }
}
