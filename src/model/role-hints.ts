// What a reader learnt about the speakers' roles without reading their words: an agent named in a
// header or by --agent, roles a file's speaker-label table gives, a decision of the reader's own.
// formats/ records them on the transcript it builds; nlp/roles.ts settles the roles with them and
// with what the speakers say, then drops them, so roles are settled once. A symbol key: they are never written out, and no
// input can set them.
import type { Role, RoleInference, Transcript } from './types.js';

export interface RoleHints {
  agent?: string;
  /** Where `agent` came from, for the evidence: "--agent" (default) or a file's header. */
  agentFrom?: string;
  /** Roles the file itself states for speaker labels (e.g. a SpeakerLabels table). */
  fileAssignments?: Record<string, Role>;
  /** A decision the reader made itself (e.g. MultiWOZ's alternation); --agent still wins. */
  preset?: RoleInference;
}

const HINTS = Symbol('role hints');

type Hinted = Transcript & { [HINTS]?: RoleHints };

export function setRoleHints(transcript: Transcript, hints: RoleHints): void {
  (transcript as Hinted)[HINTS] = hints;
}

/**
 * The transcript's hints, removed from it: they are read once, when its roles are settled.
 * Undefined once they have been (or for a transcript no reader built).
 */
export function takeRoleHints(transcript: Transcript): RoleHints | undefined {
  const hints = (transcript as Hinted)[HINTS];
  delete (transcript as Hinted)[HINTS];
  return hints;
}
