/**
 * Word lists the offline engine reasons with. Everything is lower case; multi-word entries are
 * matched on word boundaries. Keep them small and explainable: each list has one job.
 */

/**
 * Function words: articles, pronouns, auxiliaries, prepositions, conjunctions. Spoken or written
 * sentences are 35–55% function words; a list of key terms is close to 0%, which is how the engine
 * tells an explanation from keyword stuffing (ASR text has no punctuation to go by).
 */
export const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'there', 'here', 'it', 'its', "it's", 'itself',
  'i', "i'm", "i'd", "i'll", "i've", 'me', 'my', 'mine', 'myself', 'we', "we're", "we'd", "we'll", "we've", 'us', 'our', 'ours',
  'you', "you're", "you'd", "you'll", "you've", 'your', 'yours', 'he', 'him', 'his', 'she', 'her', 'they', "they're", 'them', 'their',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'having', 'do', 'does', 'did', 'doing', 'done',
  'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'need', 'needs', 'get', 'gets', 'got', 'make', 'makes',
  "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "won't", "wouldn't", "can't", "couldn't", "shouldn't", "that's", "there's",
  'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wont', 'wouldnt', 'cant', 'couldnt', 'shouldnt', 'thats', 'theres', 'im', 'id', 'ive',
  'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'without', 'about', 'into', 'onto', 'over', 'under', 'between', 'through',
  'during', 'before', 'after', 'since', 'until', 'against', 'across', 'within', 'per', 'via', 'as', 'than', 'up', 'down', 'out', 'off',
  'and', 'or', 'but', 'so', 'because', 'if', 'when', 'while', 'where', 'whether', 'although', 'though', 'unless', 'then', 'also', 'either', 'neither', 'nor',
  'which', 'who', 'whom', 'whose', 'what', 'how', 'why', 'not', 'no', 'yes', 'all', 'any', 'each', 'every', 'some', 'both', 'more', 'most',
  'much', 'many', 'few', 'other', 'another', 'such', 'only', 'just', 'very', 'too', 'even', 'still', 'again', 'once', 'first', 'next', 'finally',
]);

/** Words that never count as content (function words plus light verbs and discourse words). */
export const STOP_WORDS = new Set([
  ...FUNCTION_WORDS,
  'e', 'g', 'eg', 'e.g', 'i.e', 'ie', 'etc', 'vs', 'versus', 'one', 'two', 'three', 'four', 'five', 'lot', 'lots', 'thing', 'things', 'something', 'anything',
  'really', 'actually', 'basically', 'literally', 'um', 'uh', 'uhm', 'umm', 'er', 'erm', 'ah', 'hmm', 'mm', 'okay', 'ok', 'yeah', 'well', 'right',
  'know', 'think', 'mean', 'guess', 'want', 'wants', 'going', 'gonna', 'let', "let's", 'lets', 'say', 'said', 'way', 'kind', 'sort', 'maybe',
  'use', 'used', 'uses', 'using', 'good', 'able', 'sure', 'yes', 'go', 'goes', 'put', 'take', 'takes', 'look', 'see', 'because', 'often',
  'always', 'never', 'usually', 'probably', 'perhaps', 'now', 'today', 'new', 'own', 'same', 'different', 'example', 'instance', 'specific',
  'within', 'around', 'whole', 'part', 'point', 'question', 'answer', 'would', 'could', 'them',
]);

/**
 * Words rubric points use to describe what the candidate does ("Presents at least two...", "Clarifies
 * requirements first") rather than the subject matter; they are not required in the answer. Stems.
 */
export const RUBRIC_META_STEMS = new Set([
  'present', 'explain', 'discuss', 'mention', 'describ', 'address', 'state', 'demonstr', 'understand', 'awar', 'abil',
  'includ', 'approach', 'consid', 'least', 'clarifi', 'articul', 'show', 'identifi', 'recogn', 'acknowledg', 'know',
  'knowledg', 'strong', 'clear', 'clearli', 'specif', 'concret', 'relev', 'appropri', 'proper', 'properli', 'effect',
  'abl', 'candid', 'answer', 'strategi', 'detail', 'deep', 'good', 'key', 'import', 'core', 'main', 'common', 'etc',
  // Generic heads of noun-phrase points ("... Pattern", "... Strategy", "... mechanisms", "Apache ...").
  'pattern', 'architectur', 'mechan', 'stack', 'techniqu', 'consider', 'cultur', 'tool', 'framework', 'method', 'methodolog',
  'practic', 'structur', 'quantifi', 'posit', 'solut', 'implement', 'layer', 'apach', 'model', 'principl', 'concept', 'aspect',
  'area', 'level', 'type', 'variou', 'multipl', 'overal', 'robust', 'thorough', 'comprehens', 'similar', 'primari', 'continu',
  'emploi', 'util', 'leverag', 'technic', 'signific', 'realist', 'explicit', 'quickli', 'name',
]);

/**
 * Aliases and synonyms, each group mapped to one canonical term. Entries are written as words or
 * phrases and stemmed when the lexicon is built, so "rate limiting", "rate limiter" and "throttling"
 * all become `ratelimit`. Several entries are common speech-recogniser spellings ("sequel", "post gres").
 */
export const ALIAS_GROUPS: readonly (readonly [canonical: string, ...variants: string[]])[] = [
  ['idempot', 'idempotent', 'idempotency', 'idempotence', 'idempotency key', 'idempotency keys', 'idempotent key', 'item potent', 'idem potent'],
  ['ratelimit', 'rate limit', 'rate limits', 'rate limiter', 'rate limiters', 'rate limiting', 'rate-limit', 'rate-limiting', 'throttle', 'throttling', 'throttled'],
  ['index', 'index', 'indexes', 'indices', 'indexing', 'indexed'],
  ['cach', 'cache', 'caches', 'caching', 'cached', 'cash layer', 'cash invalidation'],
  ['sql', 'sql', 'sequel', 'ess queue ell'],
  ['nosql', 'nosql', 'no sql', 'no sequel'],
  ['postgr', 'postgres', 'postgresql', 'postgre', 'post gres', 'post grass', 'postgress', 'pg'],
  ['mysql', 'mysql', 'my sql', 'my sequel'],
  ['mongo', 'mongo', 'mongodb', 'mongo db'],
  ['redi', 'redis', 'reddis', 'redis cluster'],
  ['kafka', 'kafka', 'kafka topic'],
  ['websocket', 'websocket', 'websockets', 'web socket', 'web sockets', 'socket.io', 'socket io'],
  ['microservic', 'microservice', 'microservices', 'micro service', 'micro services', 'micro-service', 'micro-services'],
  ['monolith', 'monolith', 'monoliths', 'monolithic'],
  ['kubernet', 'kubernetes', 'k8s', 'kube'],
  ['graphql', 'graphql', 'graph ql', 'graph q l', 'graph queue l'],
  ['api', 'api', 'apis', 'a p i'],
  ['jwt', 'jwt', 'jwts', 'j w t', 'json web token', 'json web tokens'],
  ['oauth', 'oauth', 'o auth', 'oauth2', 'oauth 2'],
  ['cdn', 'cdn', 'content delivery network'],
  ['ttl', 'ttl', 'time to live', 'time-to-live', 'expiry', 'expiration', 'expire', 'expires'],
  ['cdc', 'cdc', 'change data capture'],
  ['ddd', 'ddd', 'domain driven design', 'domain-driven design'],
  ['cicd', 'ci/cd', 'ci cd', 'cicd', 'continuous integration', 'continuous delivery', 'continuous deployment'],
  ['n+1', 'n+1', 'n plus one', 'n plus 1', 'n 1 query', 'n+1 query'],
  ['p95', 'p95', 'p 95', '95th percentile', 'ninety fifth percentile', 'p99', 'p 99', '99th percentile', 'tail latency'],
  ['async', 'async', 'asynchronous', 'asynchronously', 'a sync', 'non-blocking', 'non blocking', 'nonblocking'],
  ['databas', 'database', 'databases', 'db', 'dbs', 'data base', 'datastore', 'data store'],
  ['authn_', 'authentication', 'authenticate', 'authenticated', 'authn', 'log in', 'login', 'sign in'],
  ['authz_', 'authorization', 'authorize', 'authorized', 'authz', 'permission', 'permissions', 'access control', 'rbac'],
  ['pubsub', 'pub/sub', 'pub sub', 'publish subscribe', 'publish/subscribe'],
  ['loadbalanc', 'load balancer', 'load balancers', 'load balancing', 'load-balancer', 'load-balancing'],
  ['shard', 'shard', 'shards', 'sharding', 'sharded', 'partition', 'partitions', 'partitioning', 'partitioned'],
  ['replic', 'replica', 'replicas', 'replication', 'replicate', 'replicated', 'read replica', 'read replicas'],
  ['backoff', 'backoff', 'back off', 'back-off', 'exponential backoff'],
  ['featureflag', 'feature flag', 'feature flags', 'feature toggle', 'feature toggles', 'feature switch', 'flag', 'flags', 'toggle', 'toggles'],
  ['rollback', 'rollback', 'rollbacks', 'roll back', 'rolled back', 'rolling back', 'roll-back', 'revert', 'reverted', 'reverting'],
  ['canari', 'canary', 'canaries', 'canary release', 'canary deployment', 'canary deploy'],
  ['circuitbreak', 'circuit breaker', 'circuit breakers', 'circuit-breaker', 'circuit breaking'],
  ['lock', 'lock', 'locks', 'locking', 'locked', 'mutex', 'mutexes'],
  ['transact', 'transaction', 'transactions', 'transactional', 'txn', 'txns'],
  ['nodejs_', 'node.js', 'nodejs', 'node js'],
  ['container_', 'container', 'containers', 'containerization', 'containerized', 'containerise', 'docker'],
  ['scal', 'scale', 'scales', 'scaling', 'scaled', 'scalable', 'scalability'],
  ['observ', 'observability', 'observable', 'telemetry'],
  ['monitor', 'monitor', 'monitoring', 'monitored', 'alerting', 'alerts', 'alert', 'dashboards', 'dashboard'],
  ['trace', 'trace', 'traces', 'tracing', 'distributed tracing', 'opentelemetry', 'jaeger'],
  ['log', 'log', 'logs', 'logging', 'logged', 'structured logging'],
  ['latenc', 'latency', 'latencies', 'response time', 'response times'],
  ['throughput', 'throughput', 'requests per second', 'rps', 'qps', 'queries per second', 'tps', 'transactions per second'],
  ['queue', 'queue', 'queues', 'queuing', 'queueing', 'message queue', 'message broker', 'broker', 'rabbitmq', 'rabbit mq', 'sqs'],
  ['tradeoff', 'trade-off', 'trade-offs', 'tradeoff', 'tradeoffs', 'trade off', 'trade offs'],
  ['consist', 'consistency', 'consistent', 'consistently'],
  ['eventualconsist', 'eventual consistency', 'eventually consistent'],
  ['valid', 'validation', 'validate', 'validated', 'validating', 'validator', 'sanitize', 'sanitise', 'sanitization'],
  ['encrypt', 'encryption', 'encrypt', 'encrypted', 'tls', 'ssl'],
  ['percent', '%', 'percent', 'per cent', 'percentage'],
  ['millisecond', 'ms', 'millisecond', 'milliseconds', 'millis'],
  ['memori', 'memory', 'ram'],
  ['deploy', 'deploy', 'deploys', 'deployment', 'deployments', 'deployed', 'release', 'releases', 'released', 'rollout', 'rollouts', 'roll out', 'rolled out'],
  ['incid', 'incident', 'incidents', 'outage', 'outages'],
  ['failur_', 'fail', 'fails', 'failed', 'failure', 'failures', 'failing', 'breaks', 'broke', 'broken', 'goes down', 'going down', 'go down', 'went down', 'is down', 'crash', 'crashes', 'crashed'],
  ['postmortem', 'postmortem', 'post-mortem', 'post mortem', 'retrospective', 'retro', 'blameless'],
  ['stakehold', 'stakeholder', 'stakeholders'],
  ['ssr', 'ssr', 'server-side rendering', 'server side rendering'],
  // "server-side validation" is validation on the server: the side is no word of its own.
  ['server', 'server side', 'server-side', 'serverside'],
  ['client', 'client side', 'client-side', 'clientside'],
  ['dedup', 'dedup', 'dedupe', 'deduplicate', 'deduplication', 'de-duplication', 'deduplicated'],
  ['retri', 'retry', 'retries', 'retrying', 'retried'],
  ['timeout', 'timeout', 'timeouts', 'time out', 'timed out', 'time-out'],
  ['heap', 'heap', 'heaps', 'min heap', 'max heap', 'min-heap', 'max-heap', 'priority queue'],
  ['hashmap', 'hash map', 'hashmap', 'hash table', 'dictionary', 'dict', 'map'],
  ['webhook', 'webhook', 'webhooks', 'web hook', 'web hooks', 'callback url'],
  ['pagin', 'pagination', 'paginate', 'paging', 'cursor-based pagination', 'cursor pagination'],
  ['normaliz_', 'normalization', 'normalize', 'normalized', 'normal form', 'normal forms', '3nf', 'third normal form'],
  ['denormaliz_', 'denormalization', 'denormalize', 'denormalized', 'denormalised'],
  ['middlewar', 'middleware', 'middlewares', 'middle ware', 'interceptor', 'interceptors'],
  ['stateless', 'stateless', 'state-less'],
  ['sessionstor', 'session store', 'session storage'],
];

/** Filler words and phrases counted in speech (the first word of a phrase is the key). */
export const FILLER_WORDS = new Set(['um', 'uh', 'uhm', 'umm', 'uhh', 'er', 'erm', 'ah', 'hmm', 'mm', 'basically', 'literally']);
export const FILLER_PHRASES: readonly string[][] = [['you', 'know'], ['i', 'mean']];

/**
 * "like" is a filler unless it is used as a verb or a comparison: after these words it is not
 * counted ("would like", "looks like", "something like", "things like").
 */
export const LIKE_NOT_FILLER_BEFORE = new Set([
  'would', "i'd", 'id', 'i', 'we', 'you', 'they', 'look', 'looks', 'looked', 'seem', 'seems', 'seemed', 'something', 'things', 'thing', 'feel', 'feels',
  'felt', 'sound', 'sounds', 'just', 'more', 'less', 'much', 'exactly', 'anything', 'nothing', 'stuff', 'systems', 'tools', 'services', 'languages',
  'frameworks', 'databases', 'patterns', 'cases', 'places', 'problems', 'features', 'not', "don't", 'dont', 'didn', 'didnt', "didn't", 'do', 'does',
  'behave', 'behaves', 'acts', 'act', 'work', 'works', 'similar', 'unlike',
]);

/** Hedging phrases (tokens), counted in speech analytics. */
export const HEDGE_PHRASES: readonly string[] = [
  'i think', 'i guess', 'i suppose', 'i believe', 'maybe', 'perhaps', 'probably', 'sort of', 'kind of', 'kinda', 'sorta',
  "i'm not sure", 'im not sure', 'not sure', 'might be', 'possibly', 'somewhat', 'i feel like', 'more or less', 'i would say', "i'd say",
];

/** Words that order the steps of an explanation. */
export const ORDERING_WORDS = new Set(['first', 'firstly', 'second', 'secondly', 'third', 'thirdly', 'then', 'next', 'finally', 'lastly', 'afterwards', 'step', 'initially', 'eventually', 'start', 'begin']);

/** Connectives that make an explanation a chain of reasons rather than a list. */
export const CONNECTIVES = new Set(['because', 'so', 'therefore', 'which', 'since', 'thus', 'hence', 'means', 'otherwise', 'whereas', 'while', 'although', 'however', 'but', 'instead', 'unless', 'if']);

/** Markers of a trade-off or a failure mode (words; stemmed when the lexicon is built). */
export const TRADEOFF_WORDS: readonly string[] = [
  'trade-off', 'tradeoff', 'downside', 'downsides', 'drawback', 'drawbacks', 'cost', 'costly', 'expensive', 'overhead', 'complexity', 'complicated',
  'risk', 'risks', 'fail', 'fails', 'failure', 'failures', 'bottleneck', 'versus', 'vs', 'however', 'but', 'whereas', 'instead', 'alternative',
  'alternatives', 'otherwise', 'benefit', 'benefits', 'advantage', 'disadvantage', 'cons', 'pros', 'sacrifice', 'balance', 'worst', 'edge',
];

/**
 * Phrases that say nothing specific: the answer that depends, follows best practices, finds the right balance and
 * keeps things scalable and maintainable. Counted against the answer's specifics (vagueness, rubric-engine.ts).
 */
export const GENERIC_PHRASES: readonly string[] = [
  'it depends', 'it really depends', 'depends on', 'depending on', 'best practice', 'best practices', 'industry standard', 'industry standards',
  'pros and cons', 'the right balance', 'a good balance', 'find a balance', 'strike a balance', 'case by case', 'the needs of', 'the requirements',
  'make sure', 'keep in mind', "it's important", 'it is important', 'is important', 'is key', 'fits best', 'what fits', 'whatever fits', 'robust',
  'scalable', 'maintainable', 'flexible', 'flexibility', 'modern', 'well-known', 'off the shelf', 'all sorts of', 'various', 'a lot of ways',
  'lots of', 'generally', 'in general', 'typically', 'at the end of the day', 'and so on', 'things like that', 'stuff like that', 'properly',
  'carefully', 'the right one', 'the right approach', 'makes sense', 'a big topic', 'have their place', 'their place', 'each has', 'both have',
  'smooth', 'healthy', 'keep improving', 'learn from it', 'stay calm', 'be careful',
];

/** Markers of a concrete example. */
export const EXAMPLE_PHRASES: readonly string[] = ['for example', 'for instance', 'such as', 'e.g', 'eg', 'say we', 'imagine', 'in my last', 'at my previous', 'at my last', 'in one project', 'we had', 'in practice', 'in production'];

/** Number words (spoken numbers in ASR text). */
export const NUMBER_WORDS = new Set([
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty',
  'forty', 'fifty', 'sixty', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'percent', 'half', 'double', 'twice',
]);

/** Negations that flip the meaning of what follows within a few words. */
export const NEGATORS = new Set([
  'not', 'no', 'never', 'without', "don't", 'dont', "doesn't", 'doesnt', "didn't", 'didnt', "isn't", 'isnt', "aren't", 'arent', "wouldn't", 'wouldnt',
  "shouldn't", 'shouldnt', "won't", 'wont', "can't", 'cant', 'cannot', 'avoid', 'skip', 'nor', 'zero', 'neither', 'unnecessary', 'needless',
]);

/**
 * Words that name a problem (a failure, an attack, a cost): denying one ("there is no race condition", "an attacker
 * cannot inject SQL") agrees with a point about preventing it, so it is never read as contradicting that point.
 */
export const PROBLEM_WORDS: readonly string[] = [
  'race', 'deadlock', 'deadlocks', 'stampede', 'injection', 'inject', 'xss', 'skew', 'leak', 'leaks', 'overfetching', 'over-fetching',
  'underfetching', 'under-fetching', 'timeout', 'timeouts', 'contention', 'bottleneck', 'outage', 'downtime', 'failure', 'error', 'errors', 'bug',
  'bugs', 'conflict', 'conflicts', 'collision', 'drift', 'lag', 'stale', 'staleness', 'regression', 'vulnerability', 'vulnerabilities', 'attack',
  'attacks', 'theft', 'interception', 'intercept', 'tamper', 'tampering', 'anomaly', 'anomalies', 'redundancy', 'duplication', 'overrun',
  'overruns', 'incident', 'incidents', 'breach', 'exhaustion', 'starvation', 'loss', 'corruption', 'divergence', 'risk', 'risks', 'abuse',
  'overload', 'spike', 'spikes', 'crash', 'leakage', 'exposure', 'misconfiguration', 'debt', 'coupling', 'blocking', 'blocks',
];

/** Phrases that show the candidate is warning against something rather than doing it. */
export const WARNING_WORDS = new Set([
  'avoid', 'avoiding', 'never', 'not', "don't", 'dont', "shouldn't", 'shouldnt', 'pitfall', 'pitfalls', 'mistake', 'mistakes', 'instead', 'rather',
  'anti-pattern', 'antipattern', 'wrong', 'bad', 'careful', 'risk', 'risky', 'danger', 'dangerous', 'trap', 'beware', 'problem', 'worst', 'common', 'no',
  'gotcha', 'gotchas', 'caveat', 'caveats', 'issue', 'issues', 'downside', 'downsides', 'without', 'prevent', 'prevents', 'preventing', 'instead',
  'fix', 'fixes', 'fixed', 'solve', 'solves', 'solved', 'bug', 'bugs', 'cause', 'causes', 'caused', 'culprit', 'symptom',
  'vulnerability', 'vulnerabilities', 'attack', 'attacks', 'attacker', 'threat', 'threats', 'exploit',
]);

/** Content words that ASR text is likely to get wrong but that matter little (never counted as top words). */
export const TOP_WORD_EXCLUDE = new Set(['like', 'yeah', 'okay', 'ok', 'gonna', 'wanna', 'stuff', 'thing', 'things', 'lot', 'really']);
