// The server's Content-Security-Policy forbids eval; zod's fast path probes `new Function`,
// which the browser reports as a violation. Run zod without it.
import { z } from 'zod';

z.config({ jitless: true });
