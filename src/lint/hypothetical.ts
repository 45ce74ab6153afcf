/**
 * Whether a STAR prompt asks what the candidate WOULD do rather than what they did. A behavioral
 * round wants a real story; "How would you handle..." invites a plan instead, and the star rubric
 * then has no situation, action or result to judge. A prompt that opens on a real story may still
 * end with a hypothetical reflection ("what would you do differently?"): that is allowed.
 */
export function asksHypothetically(prompt: string): boolean {
  const sentences = prompt
    .split(/(?<=[.?!])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const first = sentences[0];
  if (first === undefined) return false;
  // "How would you..." up front asks for a plan whatever follows; later, only when no story is asked for.
  if (HYPOTHETICAL.test(first) && !PAST_STORY.test(first)) return true;
  return !PAST_STORY.test(prompt) && sentences.some((s) => HYPOTHETICAL.test(s));
}

/** How interviewers ask for a plan instead of a story. */
const HYPOTHETICAL =
  /\b(?:(?:how|what|where|which|who|when|why)\s+would\s+you|would\s+you|you\s+would|what\s+if|imagine|suppose|if\s+you\s+were)\b/i;

/** How interviewers ask for a real story from the past. */
const PAST_STORY =
  /\b(?:tell\s+me\s+about\s+(?:a|an|the|one|your)\b|describe\s+(?:a|an|the|one)\b|give\s+(?:me\s+)?(?:an?\s+)?examples?|walk\s+me\s+through\s+(?:a|an|the|one)\b|share\s+(?:a|an)\b|talk\s+about\s+a\s+time|a\s+time\s+(?:when\s+)?you)/i;
