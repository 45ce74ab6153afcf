import { lookupById } from './lookup.js';

/**
 * Amazon's Principal Engineering Community Tenets: what principal-level rounds (L7-L8) probe on top
 * of the Leadership Principles. Ids are stable kebab-case slugs that questions tag in `tenets:`;
 * never rename one (history and users' own banks refer to them).
 */
export const PRINCIPAL_TENETS = [
  {
    id: 'exemplary-practitioner',
    name: 'Exemplary Practitioner',
    summary: 'Still hands-on: builds, reviews and operates at a depth others learn from.',
  },
  {
    id: 'technically-fearless',
    name: 'Technically Fearless',
    summary: 'Takes on the hard, ambiguous problem nobody else will touch, across any boundary.',
  },
  {
    id: 'balanced-and-pragmatic',
    name: 'Balanced and Pragmatic',
    summary: 'Chooses the simplest thing that solves the real problem, even when it is not elegant.',
  },
  {
    id: 'illuminate-and-clarify',
    name: 'Illuminate and Clarify',
    summary: 'Makes a complex problem and its choices clear, in writing, to engineers and executives alike.',
  },
  {
    id: 'flexible-in-approach',
    name: 'Flexible in Approach',
    summary: 'Holds views loosely, adapts the approach to the context and changes course on evidence.',
  },
  {
    id: 'respect-what-came-before',
    name: 'Respect What Came Before',
    summary: 'Understands why existing systems are as they are before changing them; improves, not rewrites.',
  },
  {
    id: 'learn-educate-advocate',
    name: 'Learn, Educate and Advocate',
    summary: 'Keeps learning, teaches and mentors beyond the team, and advocates for what engineers need.',
  },
  {
    id: 'have-resounding-impact',
    name: 'Have Resounding Impact',
    summary: 'Work whose effect is felt well beyond one team: the organisation, the company or customers.',
  },
] as const;

export type PrincipalTenet = (typeof PRINCIPAL_TENETS)[number];
export type TenetId = PrincipalTenet['id'];

export const TENET_IDS = PRINCIPAL_TENETS.map((t) => t.id) as [TenetId, ...TenetId[]];

export const findTenet: (id: string) => PrincipalTenet | undefined = lookupById(PRINCIPAL_TENETS);
