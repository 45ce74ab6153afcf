/**
 * Words that carry no topic, for every reader that compares what texts are about. What several
 * readers ignore (the function words, the framing of prompts) is listed once; each reader's set adds
 * what its purpose needs (the sets below say which), because that differs: the scorer must keep
 * "through" and "share" in a signal, while prompts that differ only in "walk us through" and "share"
 * are still near duplicates.
 */

function wordSet(...groups: (string | ReadonlySet<string>)[]): ReadonlySet<string> {
  return new Set(groups.flatMap((g) => (typeof g === 'string' ? g.split(' ') : [...g])));
}

/**
 * Common English function words. The offline scorer counts them as the glue prose has and keyword
 * lists and keyboard mashing lack, and leaves them out of the terms it compares.
 */
export const FUNCTION_WORDS = wordSet(
  'a an the and or but so because if then than that this these those to of in on at by for with from into over ' +
    'after before during while about as is are was were be been being have has had do did does i we you he she ' +
    'it they me us him her them my our your their its not no can could would should will which who what when ' +
    'where why how there here also just only very all some any more most each other such one',
);

/**
 * A classic English stop-word list: the function words and the rest of the words that name no topic.
 * @internal The lists built from it are what ship; its test checks how they nest.
 */
export const STOP_WORDS = wordSet(
  FUNCTION_WORDS,
  'above again against am below between both doing down few further having hers his itself nor now off once ' +
    'ours out own same theirs through too under until up whom yours',
);

/** How interview prompts ask for a story ("tell me about a time", "describe a situation", "walk us through", "give an example"). */
const PROMPT_FRAMING = 'tell time describe situation example walk give';

/**
 * Ignored by the near-duplicate prompt check: stop words, the framing, and the rest of the stock
 * wording of prompts ("two ways", "explain your approach", "please share", "let's talk").
 */
export const NEAR_DUPLICATE_STOP_WORDS = wordSet(
  STOP_WORDS,
  PROMPT_FRAMING,
  'two way ways times explain share talk let lets please think approach',
);

/**
 * Ignored by the offline scorer's content terms (it reads words of four letters or more): function
 * words, the framing, and the wording of rubric signals ("shows", "names", "explains clearly").
 */
export const TERM_STOP_WORDS = wordSet(
  FUNCTION_WORDS,
  PROMPT_FRAMING,
  'think shows explains names answer strong describes specific happened something someone uses states notes ' +
    'including clear clearly rather instead',
);

/**
 * How behavioral prompts ask for a story, beyond the framing ("what happened", "a specific, recent
 * time", "share a story"): story suggestions compare stories with the rest of a prompt.
 */
export const STORY_PROMPT_WORDS = wordSet(
  PROMPT_FRAMING,
  'through happen share story specific recent last most',
);

/**
 * Ignored when a job posting steers a loop (loop/job.ts, as written and as stems): the framing of
 * prompts, and the words of postings that say nothing about the work.
 */
export const JOB_POSTING_STOP_WORDS = wordSet(
  PROMPT_FRAMING,
  // Applying, benefits, equal opportunity and job-board advice.
  'ability able accommodation accommodations adjustment advice ago amazon amazonians apply applicant applicants ' +
    'application applying benefits candidate candidates career chance company contact country cover culture ' +
    'degree description disability disabilities discriminate diversity employ employer employment equal ' +
    'familiarise familiarize hiring hours inclusive inclusion information internship interview interviews job ' +
    'jobs join land letter linkedin looking minutes network onboarding opportunities opportunity please ' +
    'position posted predicted preferred prepare professional promote promotes protected qualification ' +
    'qualifications recruiting region required requirements responsibilities responsibility role roles salary ' +
    'seeking status tailor tip tips updated veteran visit welcome',
  // The general English of postings: about any job, not this one's work.
  'about across advance advanced advancing align amount area areas around articulate articulating best ' +
    'between build building challenge challenges champion complex contribute create creating critical current ' +
    'define deliver delights deep deeply drive driving efficiency engage engineer engineering engineers ' +
    'excellent exciting expect expectation expectations experience experiences expert expertise face field ' +
    'focus focusing future help helps high highlight highlighting identify implement implemented importance ' +
    'important including influence influencing insight insights interaction knowledge lead leader leaders ' +
    'leadership leading like list make mention multiple need next number organization other part partner ' +
    'past people place practice practices previous principal project projects provide raise raising ready ' +
    'recent related relevant result results senior shape shaping share show skill skills software solve ' +
    'specific stay strong structure support sure take task tasks team teams technical technology think ' +
    'through trend trends understand understanding valuable value values well will work working year years ' +
    'your youll yourself read reading write writing list other success successful require offer offers ' +
    'long term goal goals commitment generation next million millions across user users operate',
  // Marketing words of postings that mean something else in the banks ("memories" is not RAM).
  'memories memory precious delight delights revolutionizing revolutionising',
  // Words every engineering posting and most design questions use: they cannot tell two questions apart.
  'system systems service services platform platforms capability capabilities impact large solution solutions',
  // The wording of interview prompts, beyond the framing.
  'something someone discuss discussion question questions',
);
