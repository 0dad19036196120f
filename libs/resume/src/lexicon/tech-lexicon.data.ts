/**
 * Common fullstack/backend technologies with their aliases. The bank's key terms join these in
 * skill-lexicon.ts; where both name the same thing, the name here wins.
 *
 * An alias written "=Go" matches only in that exact case. All-caps aliases up to five characters
 * ("AWS", "SQS", "JWT") are exact-case automatically. Guards keep ordinary English words
 * ("go to market", "the rest of the team", "spring cleaning") from becoming skills.
 */

export type SkillArea =
  | 'frontend'
  | 'backend'
  | 'language'
  | 'web-language'
  | 'datastore'
  | 'messaging'
  | 'cloud'
  | 'observability'
  | 'data'
  | 'security'
  | 'testing'
  | 'practice'
  | 'concept';

export interface SkillGuard {
  /** Text right after the match that makes it a common word, e.g. " to market". */
  blockNext?: RegExp;
  /** Text right before the match that makes it a common word, e.g. "last ". */
  blockPrev?: RegExp;
  /** At the start of a sentence its capital says nothing: accept it there only with technical context. */
  needsContextAtStart?: boolean;
}

export interface TechEntry {
  name: string;
  /** Other spellings; "=X" means exact case. The name itself is matched too. */
  aliases?: string[];
  area: SkillArea;
  /** Related technologies (a question on RabbitMQ is still about a Kafka posting's messaging). */
  family?: string;
  guard?: SkillGuard;
  /** Match the name in exact case (for names that are also English words). */
  exactName?: boolean;
}

const WORD_GUARD = { needsContextAtStart: true } as const;

export const TECH_LEXICON: TechEntry[] = [
  // Languages
  { name: 'JavaScript', aliases: ['JS', 'ECMAScript', 'ES6', 'ES2015'], area: 'web-language', family: 'javascript' },
  { name: 'TypeScript', area: 'web-language', family: 'javascript' },
  { name: 'Python', aliases: ['Python3', 'Python 3'], area: 'language' },
  {
    name: 'Java',
    exactName: true,
    aliases: ['=JAVA', 'Java 8', 'Java 11', 'Java 17', 'Java 21'],
    area: 'language',
    family: 'jvm',
  },
  { name: 'Kotlin', area: 'language', family: 'jvm' },
  { name: 'Scala', area: 'language', family: 'jvm' },
  {
    name: 'Go',
    exactName: true,
    aliases: ['Golang', '=GoLang'],
    area: 'language',
    guard: {
      blockNext:
        /^(?:\s*-?\s*to\b|-|\s+(?:live|ahead|back|beyond|through|deep|deeper|over|out|for it|far|along|wrong|viral|public|forward)\b|\s*!)/i,
      blockPrev: /(?:\b(?:let's|lets|to|will|can|could|must|should|would|on the|a)\s+|-)$/i,
      needsContextAtStart: true,
    },
  },
  { name: 'Rust', exactName: true, area: 'language', guard: { ...WORD_GUARD, blockNext: /^\s+(?:belt)/i } },
  { name: 'Ruby', exactName: true, area: 'language', guard: WORD_GUARD },
  { name: 'PHP', area: 'language' },
  { name: 'C#', aliases: ['CSharp', 'C Sharp'], area: 'language', family: 'dotnet' },
  { name: '.NET', aliases: ['dotnet', '.NET Core', 'ASP.NET', 'ASP.NET Core'], area: 'backend', family: 'dotnet' },
  { name: 'C++', aliases: ['cpp'], area: 'language' },
  { name: 'Elixir', area: 'language' },
  { name: 'Erlang', area: 'language' },
  { name: 'Clojure', area: 'language', family: 'jvm' },
  {
    name: 'Swift',
    exactName: true,
    area: 'language',
    guard: {
      blockNext:
        /^\s+(?:payments?|network|messag\w*|transfers?|codes?|MT\d*|gpi|response|responses|action|turnaround|delivery|recovery|resolution|onboarding|fix|return|growth|adoption)\b/i,
      blockPrev: /\b(?:a|the|via|over|through|and)\s+$/i,
      needsContextAtStart: true,
    },
  },
  { name: 'Objective-C', area: 'language' },
  { name: 'Dart', exactName: true, area: 'language', guard: WORD_GUARD },
  { name: 'Haskell', area: 'language' },
  { name: 'Bash', aliases: ['shell scripting'], area: 'language' },
  { name: 'SQL', area: 'datastore', family: 'sql' },
  { name: 'Lua', exactName: true, area: 'language' },

  // Frontend
  {
    name: 'React',
    aliases: ['React.js', 'ReactJS', 'React JS', 'React 18'],
    area: 'frontend',
    family: 'frontend-framework',
  },
  { name: 'React Native', area: 'frontend' },
  { name: 'Next.js', aliases: ['NextJS', 'Next JS'], area: 'frontend', family: 'frontend-framework' },
  {
    name: 'Vue',
    aliases: ['Vue.js', 'VueJS', 'Vue 3', 'Vuex', 'Pinia'],
    area: 'frontend',
    family: 'frontend-framework',
  },
  { name: 'Nuxt', aliases: ['Nuxt.js', 'NuxtJS'], area: 'frontend', family: 'frontend-framework' },
  { name: 'Angular', aliases: ['AngularJS', 'Angular 2+'], area: 'frontend', family: 'frontend-framework' },
  { name: 'Svelte', aliases: ['SvelteKit'], area: 'frontend', family: 'frontend-framework' },
  { name: 'Redux', aliases: ['Redux Toolkit', 'RTK Query'], area: 'frontend', family: 'frontend-state' },
  { name: 'React Query', aliases: ['TanStack Query'], area: 'frontend', family: 'frontend-state' },
  { name: 'HTML', aliases: ['HTML5'], area: 'frontend' },
  { name: 'CSS', aliases: ['CSS3', 'CSS-in-JS'], area: 'frontend' },
  { name: 'Sass', aliases: ['SCSS'], area: 'frontend' },
  { name: 'Tailwind CSS', aliases: ['Tailwind', 'TailwindCSS'], area: 'frontend' },
  { name: 'Webpack', area: 'frontend' },
  { name: 'Vite', exactName: true, area: 'frontend' },
  { name: 'jQuery', area: 'frontend' },
  { name: 'Storybook', area: 'frontend' },
  { name: 'Accessibility', aliases: ['a11y', 'WCAG'], area: 'frontend' },
  { name: 'Jest', exactName: true, area: 'testing', guard: WORD_GUARD },
  { name: 'Vitest', area: 'testing' },
  { name: 'Cypress', exactName: true, area: 'testing' },
  { name: 'Playwright', area: 'testing' },
  { name: 'Testing Library', aliases: ['React Testing Library'], area: 'testing' },
  { name: 'Mocha', exactName: true, area: 'testing', guard: WORD_GUARD },
  { name: 'pytest', area: 'testing' },
  { name: 'JUnit', area: 'testing' },

  // Backend frameworks and APIs
  {
    name: 'Node.js',
    aliases: ['NodeJS', 'Node JS', '=Node'],
    area: 'backend',
    family: 'javascript',
    guard: { blockNext: /^\s+(?:pool|affinity|selector|count|failure)s?\b/i },
  },
  {
    name: 'Express',
    exactName: true,
    aliases: ['Express.js', 'ExpressJS'],
    area: 'backend',
    family: 'node-framework',
    guard: {
      blockNext:
        /^\s+(?:deliver\w*|shipping|checkout|lane|mail|entry|train|post|pass|route|lounge|VPN|scripts|written|consent|permission|interest|concern)\b/i,
      blockPrev: /\b(?:American|Orient|Pony|Federal|Daily|Financial|Buenos Aires|to)\s+$/i,
      needsContextAtStart: true,
    },
  },
  { name: 'NestJS', aliases: ['Nest.js'], area: 'backend', family: 'node-framework' },
  { name: 'Fastify', area: 'backend', family: 'node-framework' },
  { name: 'Koa', exactName: true, area: 'backend', family: 'node-framework' },
  { name: 'Django', aliases: ['Django REST Framework', 'DRF'], area: 'backend', family: 'python-framework' },
  { name: 'Flask', exactName: true, area: 'backend', family: 'python-framework', guard: WORD_GUARD },
  { name: 'FastAPI', area: 'backend', family: 'python-framework' },
  {
    name: 'Spring',
    exactName: true,
    aliases: ['Spring Boot', 'SpringBoot', 'Spring Framework', 'Spring MVC', 'Spring Cloud'],
    area: 'backend',
    family: 'jvm',
    guard: {
      blockNext:
        /^(?:\s+(?:clean\w*|break|sale|semester|term|season|festival|fling|intake|collection|edition|release|quarter|hiring|launch|campaign|of|and summer|\d{2,4}|'\d{2})\b|\s*'\d{2})/i,
      blockPrev: /\b(?:last|this|next|during|early|late|every|the|in the|by)\s+$/i,
      needsContextAtStart: true,
    },
  },
  { name: 'Hibernate', area: 'backend', family: 'jvm' },
  {
    name: 'Rails',
    exactName: true,
    aliases: ['Ruby on Rails', 'RoR'],
    area: 'backend',
    guard: { blockPrev: /\b(?:guard|hand|safety|off the|the|on)\s+$/i, needsContextAtStart: true },
  },
  { name: 'Laravel', area: 'backend' },
  { name: 'Symfony', area: 'backend' },
  {
    name: 'Phoenix',
    exactName: true,
    area: 'backend',
    guard: { needsContextAtStart: true, blockPrev: /\b(?:in|from)\s+$/i },
  },
  { name: 'Prisma', area: 'backend', family: 'orm' },
  { name: 'TypeORM', area: 'backend', family: 'orm' },
  { name: 'Sequelize', area: 'backend', family: 'orm' },
  { name: 'SQLAlchemy', area: 'backend', family: 'orm' },
  { name: 'ActiveRecord', aliases: ['Active Record'], area: 'backend', family: 'orm' },
  {
    name: 'REST',
    aliases: ['RESTful', 'REST API', 'REST APIs', 'RESTful API', 'RESTful APIs', 'REST endpoints'],
    area: 'backend',
    family: 'api-style',
    // "the REST of the business" in shouty capitals
    guard: { blockNext: /^\s+of\s+(?:the|us|them|my|our|it|his|her|their)\b/i },
  },
  { name: 'GraphQL', area: 'backend', family: 'api-style' },
  {
    name: 'Apollo',
    exactName: true,
    aliases: ['Apollo GraphQL', 'Apollo Client', 'Apollo Server', 'Apollo Federation'],
    area: 'backend',
    family: 'api-style',
  },
  { name: 'gRPC', aliases: ['=GRPC', 'grpc'], area: 'backend', family: 'api-style' },
  { name: 'tRPC', area: 'backend', family: 'api-style' },
  { name: 'Protocol Buffers', aliases: ['protobuf', 'Protobufs'], area: 'backend', family: 'api-style' },
  { name: 'OpenAPI', aliases: ['Swagger'], area: 'backend', family: 'api-style' },
  { name: 'WebSockets', aliases: ['WebSocket', 'Web Sockets'], area: 'backend', family: 'realtime' },
  { name: 'Socket.IO', aliases: ['socket.io', 'SocketIO'], area: 'backend', family: 'realtime' },
  {
    name: 'Microservices',
    aliases: ['Microservice', 'Microservices Architecture', 'micro-services', 'micro services'],
    area: 'concept',
  },

  // Datastores
  {
    name: 'PostgreSQL',
    aliases: ['Postgres', 'psql', 'Postgre', 'PostGIS', 'Aurora PostgreSQL'],
    area: 'datastore',
    family: 'sql',
  },
  { name: 'MySQL', aliases: ['Aurora MySQL'], area: 'datastore', family: 'sql' },
  { name: 'MariaDB', area: 'datastore', family: 'sql' },
  { name: 'SQLite', area: 'datastore', family: 'sql' },
  {
    name: 'SQL Server',
    aliases: ['MSSQL', 'MS SQL', 'Microsoft SQL Server', 'T-SQL'],
    area: 'datastore',
    family: 'sql',
  },
  { name: 'Oracle Database', aliases: ['Oracle DB', 'Oracle SQL', 'PL/SQL'], area: 'datastore', family: 'sql' },
  { name: 'MongoDB', aliases: ['Mongo', 'Mongoose'], area: 'datastore', family: 'nosql' },
  { name: 'Redis', aliases: ['ElastiCache'], area: 'datastore', family: 'cache' },
  { name: 'Memcached', aliases: ['memcache'], area: 'datastore', family: 'cache' },
  { name: 'Cassandra', exactName: true, area: 'datastore', family: 'nosql' },
  { name: 'DynamoDB', aliases: ['Dynamo DB'], area: 'datastore', family: 'nosql' },
  { name: 'Elasticsearch', aliases: ['Elastic Search', 'ElasticSearch'], area: 'datastore', family: 'search' },
  { name: 'OpenSearch', area: 'datastore', family: 'search' },
  { name: 'ClickHouse', area: 'datastore', family: 'analytics-db' },
  { name: 'Snowflake', exactName: true, area: 'data', family: 'analytics-db', guard: WORD_GUARD },
  { name: 'BigQuery', area: 'data', family: 'analytics-db' },
  { name: 'Redshift', area: 'data', family: 'analytics-db' },
  { name: 'CockroachDB', area: 'datastore', family: 'sql' },
  { name: 'Neo4j', area: 'datastore', family: 'nosql' },
  { name: 'Firebase', aliases: ['Firestore'], area: 'datastore', family: 'nosql' },
  { name: 'Supabase', area: 'datastore', family: 'sql' },
  { name: 'InfluxDB', area: 'datastore', family: 'nosql' },
  { name: 'TimescaleDB', area: 'datastore', family: 'sql' },

  // Messaging and jobs
  {
    name: 'Kafka',
    exactName: true,
    aliases: ['Apache Kafka', 'kafka', 'Confluent'],
    area: 'messaging',
    family: 'messaging',
  },
  { name: 'Kafka Streams', area: 'messaging', family: 'messaging' },
  { name: 'RabbitMQ', aliases: ['Rabbit MQ', 'AMQP'], area: 'messaging', family: 'messaging' },
  { name: 'SQS', aliases: ['Amazon SQS', 'AWS SQS'], area: 'messaging', family: 'messaging' },
  { name: 'SNS', aliases: ['Amazon SNS', 'AWS SNS'], area: 'messaging', family: 'messaging' },
  { name: 'Kinesis', aliases: ['Amazon Kinesis', 'AWS Kinesis'], area: 'messaging', family: 'messaging' },
  { name: 'Google Pub/Sub', aliases: ['Cloud Pub/Sub', 'GCP Pub/Sub'], area: 'messaging', family: 'messaging' },
  { name: 'NATS', area: 'messaging', family: 'messaging' },
  { name: 'ActiveMQ', area: 'messaging', family: 'messaging' },
  { name: 'Apache Pulsar', aliases: ['=Pulsar'], area: 'messaging', family: 'messaging' },
  { name: 'Celery', exactName: true, area: 'messaging', family: 'job-queue' },
  { name: 'Sidekiq', area: 'messaging', family: 'job-queue' },
  { name: 'BullMQ', aliases: ['Bull queue'], area: 'messaging', family: 'job-queue' },
  {
    name: 'Temporal',
    exactName: true,
    aliases: ['Temporal.io'],
    area: 'messaging',
    family: 'job-queue',
    guard: { needsContextAtStart: true, blockNext: /^\s+(?:and|or|coupling|data|logic|order|workflows? of)\b/i },
  },

  // Cloud and infrastructure
  { name: 'AWS', aliases: ['Amazon Web Services'], area: 'cloud', family: 'cloud' },
  { name: 'GCP', aliases: ['Google Cloud', 'Google Cloud Platform'], area: 'cloud', family: 'cloud' },
  { name: 'Azure', exactName: true, aliases: ['Microsoft Azure'], area: 'cloud', family: 'cloud' },
  { name: 'S3', aliases: ['Amazon S3', 'AWS S3'], area: 'cloud', family: 'object-store' },
  {
    name: 'Lambda',
    exactName: true,
    aliases: ['AWS Lambda'],
    area: 'cloud',
    family: 'serverless',
    guard: { blockNext: /^\s+(?:calculus|expressions?)\b/i },
  },
  { name: 'EC2', aliases: ['Amazon EC2'], area: 'cloud', family: 'cloud' },
  { name: 'ECS', aliases: ['Amazon ECS', 'Fargate'], area: 'cloud', family: 'containers' },
  { name: 'EKS', aliases: ['Amazon EKS'], area: 'cloud', family: 'containers' },
  { name: 'GKE', aliases: ['Google Kubernetes Engine'], area: 'cloud', family: 'containers' },
  { name: 'CloudFront', area: 'cloud', family: 'cdn' },
  { name: 'CloudFormation', aliases: ['AWS CDK', '=CDK'], area: 'cloud', family: 'iac' },
  { name: 'Cloudflare', area: 'cloud', family: 'cdn' },
  { name: 'Docker', aliases: ['Dockerfile', 'Dockerised', 'Dockerized'], area: 'cloud', family: 'containers' },
  { name: 'Kubernetes', aliases: ['K8s', 'k8s', 'kube'], area: 'cloud', family: 'containers' },
  {
    name: 'Helm',
    exactName: true,
    aliases: ['Helm charts'],
    area: 'cloud',
    family: 'containers',
    guard: { ...WORD_GUARD, blockPrev: /\b(?:the|at the)\s+$/i },
  },
  { name: 'Terraform', aliases: ['Terragrunt'], area: 'cloud', family: 'iac' },
  { name: 'Pulumi', area: 'cloud', family: 'iac' },
  { name: 'Ansible', area: 'cloud', family: 'iac' },
  { name: 'Istio', area: 'cloud', family: 'service-mesh' },
  { name: 'Envoy', exactName: true, area: 'cloud', family: 'service-mesh', guard: WORD_GUARD },
  { name: 'Nginx', aliases: ['NGINX'], area: 'cloud' },
  { name: 'Linux', area: 'cloud' },
  {
    name: 'CI/CD',
    aliases: ['CICD', 'CI / CD', 'CI-CD', 'continuous integration', 'continuous delivery', 'continuous deployment'],
    area: 'practice',
    family: 'ci',
  },
  { name: 'GitHub Actions', area: 'cloud', family: 'ci' },
  { name: 'GitLab CI', aliases: ['GitLab CI/CD'], area: 'cloud', family: 'ci' },
  { name: 'Jenkins', exactName: true, area: 'cloud', family: 'ci' },
  { name: 'CircleCI', area: 'cloud', family: 'ci' },
  { name: 'Argo CD', aliases: ['ArgoCD'], area: 'cloud', family: 'ci' },
  { name: 'Git', exactName: true, area: 'practice' },
  { name: 'Vercel', area: 'cloud' },
  { name: 'Heroku', area: 'cloud' },
  { name: 'Serverless', exactName: true, aliases: ['serverless'], area: 'cloud', family: 'serverless' },

  // Observability
  { name: 'Prometheus', exactName: true, area: 'observability', family: 'observability' },
  { name: 'Grafana', area: 'observability', family: 'observability' },
  { name: 'OpenTelemetry', aliases: ['OTel', '=OTEL'], area: 'observability', family: 'observability' },
  { name: 'Datadog', aliases: ['DataDog'], area: 'observability', family: 'observability' },
  { name: 'New Relic', aliases: ['NewRelic'], area: 'observability', family: 'observability' },
  { name: 'Splunk', area: 'observability', family: 'observability' },
  { name: 'ELK Stack', aliases: ['ELK', 'Elastic Stack'], area: 'observability', family: 'observability' },
  { name: 'Kibana', area: 'observability', family: 'observability' },
  { name: 'Jaeger', area: 'observability', family: 'observability' },
  { name: 'Sentry', exactName: true, area: 'observability', family: 'observability', guard: WORD_GUARD },
  { name: 'PagerDuty', aliases: ['Opsgenie'], area: 'observability', family: 'on-call' },

  // Data
  { name: 'Apache Flink', aliases: ['Flink'], area: 'data', family: 'stream-processing' },
  {
    name: 'Apache Spark',
    aliases: ['=Spark', 'PySpark'],
    area: 'data',
    family: 'stream-processing',
    guard: { needsContextAtStart: true },
  },
  { name: 'Airflow', aliases: ['Apache Airflow'], area: 'data', family: 'orchestration' },
  { name: 'dbt', exactName: true, area: 'data' },
  { name: 'Hadoop', area: 'data' },
  { name: 'Debezium', area: 'data', family: 'cdc' },
  { name: 'Pandas', exactName: true, aliases: ['pandas'], area: 'data', guard: WORD_GUARD },
  { name: 'ETL', aliases: ['ELT'], area: 'data' },

  // Security
  { name: 'OAuth', aliases: ['OAuth2', 'OAuth 2.0', 'OAuth 2'], area: 'security', family: 'auth' },
  { name: 'OpenID Connect', aliases: ['OIDC'], area: 'security', family: 'auth' },
  { name: 'JWT', aliases: ['JSON Web Token', 'JSON Web Tokens', 'JWTs'], area: 'security', family: 'auth' },
  { name: 'SAML', area: 'security', family: 'auth' },
  { name: 'OWASP', aliases: ['OWASP Top 10'], area: 'security' },
  { name: 'TLS', aliases: ['SSL/TLS', 'mTLS'], area: 'security' },
  { name: 'Keycloak', area: 'security', family: 'auth' },
  { name: 'Auth0', area: 'security', family: 'auth' },
  { name: 'Stripe', exactName: true, area: 'backend', family: 'payments' },

  // Practices
  { name: 'Test-Driven Development', aliases: ['TDD'], area: 'practice' },
  { name: 'Domain-Driven Design', aliases: ['DDD'], area: 'practice' },
  {
    name: 'Agile',
    exactName: true,
    aliases: ['Scrum', 'Agile Methodologies', 'Agile methodology', 'Kanban'],
    area: 'practice',
  },
  {
    name: 'Event-Driven Architecture',
    aliases: ['event-driven', 'event driven'],
    area: 'concept',
    family: 'messaging',
  },
];
