import { lookupById } from './lookup.js';

/**
 * Amazon's 16 Leadership Principles, the canonical list the banks tag questions with.
 * Ids are stable kebab-case slugs: banks, stories and history refer to them, so never rename one.
 */
export const LEADERSHIP_PRINCIPLES = [
  {
    id: 'customer-obsession',
    name: 'Customer Obsession',
    summary: 'Start with the customer and work backwards; earn and keep their trust.',
  },
  {
    id: 'ownership',
    name: 'Ownership',
    summary: 'Think long term, act for the whole company, never say "that is not my job".',
  },
  {
    id: 'invent-and-simplify',
    name: 'Invent and Simplify',
    summary: 'Expect innovation from the team and always look for ways to simplify.',
  },
  {
    id: 'are-right-a-lot',
    name: 'Are Right, A Lot',
    summary: 'Strong judgement and good instincts; seek diverse views and disconfirm your beliefs.',
  },
  {
    id: 'learn-and-be-curious',
    name: 'Learn and Be Curious',
    summary: 'Never done learning; curious about new possibilities and act to explore them.',
  },
  {
    id: 'hire-and-develop-the-best',
    name: 'Hire and Develop the Best',
    summary: 'Raise the performance bar with every hire and promotion; coach others.',
  },
  {
    id: 'insist-on-the-highest-standards',
    name: 'Insist on the Highest Standards',
    summary: 'Relentlessly high standards; defects are not sent down the line; problems stay fixed.',
  },
  {
    id: 'think-big',
    name: 'Think Big',
    summary: 'Create and communicate a bold direction that inspires results.',
  },
  {
    id: 'bias-for-action',
    name: 'Bias for Action',
    summary: 'Speed matters; many decisions are reversible and need no extensive study.',
  },
  {
    id: 'frugality',
    name: 'Frugality',
    summary: 'Accomplish more with less; constraints breed resourcefulness and invention.',
  },
  {
    id: 'earn-trust',
    name: 'Earn Trust',
    summary: 'Listen, speak candidly, treat others respectfully, be vocally self-critical.',
  },
  {
    id: 'dive-deep',
    name: 'Dive Deep',
    summary: 'Operate at all levels, stay connected to the details, audit frequently.',
  },
  {
    id: 'have-backbone-disagree-and-commit',
    name: 'Have Backbone; Disagree and Commit',
    summary: 'Challenge decisions respectfully when you disagree, then commit wholly once decided.',
  },
  {
    id: 'deliver-results',
    name: 'Deliver Results',
    summary: 'Focus on the key inputs and deliver them with the right quality and in a timely fashion.',
  },
  {
    id: 'strive-to-be-earths-best-employer',
    name: "Strive to be Earth's Best Employer",
    summary: 'Create a safer, more productive, more diverse and more just work environment.',
  },
  {
    id: 'success-and-scale-bring-broad-responsibility',
    name: 'Success and Scale Bring Broad Responsibility',
    summary: 'Be humble about secondary effects of our actions: on communities, the planet and the future.',
  },
] as const;

export type LeadershipPrinciple = (typeof LEADERSHIP_PRINCIPLES)[number];
export type PrincipleId = LeadershipPrinciple['id'];

export const PRINCIPLE_IDS: readonly PrincipleId[] = LEADERSHIP_PRINCIPLES.map((p) => p.id);

export const findPrinciple: (id: string) => LeadershipPrinciple | undefined =
  lookupById(LEADERSHIP_PRINCIPLES);
