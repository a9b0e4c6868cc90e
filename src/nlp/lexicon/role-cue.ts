// A role cue as data/role-cues.yaml declares it. A module of its own: inferring roles reads it
// without loading the YAML reader (role-cue-data.ts), which only the build needs.
export const CUE_ROLES = ['agent', 'customer'] as const;

export interface RoleCue {
  role: (typeof CUE_ROLES)[number];
  /** 2: what the other side practically never says; 1: weaker evidence. */
  weight: number;
  /** What the speaker does, as the evidence quotes it. */
  says: string;
  patterns: string[];
}
