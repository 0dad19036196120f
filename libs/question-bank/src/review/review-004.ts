/**
 * Hand review of seed 004, "Back-end Engineer Interview Questions" (written for every level).
 *
 * The source gives the question, why it is asked and one answer example. The review assigns the
 * category, derives 3–6 rubric points from each answer example (its claims only) and picks key terms
 * from it. Common mistakes are given only where the answer itself names something to avoid.
 */
import type { ReviewSet } from './types';

export const REVIEW_004: ReviewSet = {
  'rest-vs-graphql': {
    at: '004#1',
    anchor: 'differences between REST and GraphQL',
    category: 'api-design',
    rubric: [
      'Defines REST as a resource-based architectural style built on standard HTTP methods',
      'Defines GraphQL as a query language in which clients request exactly the data they need, possibly from several resources in one request',
      'Contrasts data fetching: fixed response shapes (over- and under-fetching) vs. client-specified shapes',
      'Contrasts versioning: REST often versions the API, GraphQL evolves by adding fields and types',
      'Says when to choose each: REST for simpler, well-defined resources and when caching matters; GraphQL for complex, diverse data needs',
    ],
    keyTerms: ['REST', 'GraphQL', 'HTTP methods', 'Resource', 'Over-fetching', 'Under-fetching', 'API versioning', 'Caching'],
  },
  'microservices-vs-monolith': {
    at: '004#2',
    anchor: 'concept of microservices',
    category: 'architecture',
    rubric: [
      'Defines microservices: small, independent services, each in its own process, communicating through well-defined APIs',
      'Contrasts a monolith, whose components are tightly integrated in a single codebase',
      'Explains that each service can be developed, deployed and scaled independently, with its own technology if needed',
      'Explains fault isolation: one failing service need not bring down the whole application',
    ],
    keyTerms: ['Microservices', 'Monolithic architecture', 'Independent deployment', 'Independent scaling', 'Fault isolation', 'Well-defined APIs'],
  },
  'api-security-common-vulnerabilities': {
    at: '004#3',
    anchor: 'ensure the security of an API',
    category: 'security',
    rubric: [
      'Encrypts data in transit with HTTPS',
      'Implements authentication and authorization (e.g., OAuth, JWT)',
      'Validates and sanitizes all input to prevent injection and cross-site scripting',
      'Applies rate limiting against denial of service and keeps dependencies patched',
      'Runs security audits and penetration tests',
      'Names common vulnerabilities: injection, broken authentication, sensitive data exposure, XSS, security misconfiguration',
    ],
    keyTerms: ['HTTPS', 'OAuth', 'JWT', 'Input validation', 'SQL injection', 'Cross-site scripting (XSS)', 'Rate limiting', 'Penetration testing', 'Broken authentication', 'Security misconfiguration'],
    // The answer's list of vulnerabilities, as the mistakes that cause them.
    commonMistakes: [
      'Trusting unvalidated input, which opens the door to injection (SQL, NoSQL, command injection).',
      'Weak password policies and other broken authentication.',
      'Leaving sensitive data unencrypted.',
      'Security misconfigurations such as default credentials.',
    ],
  },
  'database-normalization-tradeoffs': {
    at: '004#4',
    anchor: 'database normalization',
    category: 'databases',
    rubric: [
      'Defines normalization: organizing data into related tables to reduce redundancy and improve integrity',
      'Explains first normal form: atomic values and unique records',
      'Explains second normal form: no partial dependencies on the primary key',
      'Explains third normal form: no transitive dependencies between non-key attributes',
      'Names the downsides (more joins, more complex and slower queries) and when denormalization suits read-heavy workloads',
    ],
    keyTerms: ['Normalization', 'First normal form (1NF)', 'Second normal form (2NF)', 'Third normal form (3NF)', 'Partial dependency', 'Transitive dependency', 'Data integrity', 'Joins', 'Denormalization'],
    commonMistakes: ['Ignoring the cost of extra joins in a highly normalized schema for read-heavy applications.'],
  },
  'backend-performance-optimization': {
    at: '004#5',
    anchor: 'optimize the performance of a back-end application',
    category: 'performance',
    rubric: [
      'Optimizes the database: indexing and query optimization',
      'Caches frequently accessed data in memory (Redis, Memcached)',
      'Distributes traffic with load balancing',
      'Moves long-running work to background jobs or queues',
      'Profiles the code to find bottlenecks, and monitors and logs performance metrics',
      'Scales services independently where demand differs (e.g., microservices)',
    ],
    keyTerms: ['Indexing', 'Query optimization', 'Caching', 'Redis', 'Memcached', 'Load balancing', 'Asynchronous processing', 'Background jobs', 'Profiling', 'Monitoring'],
  },
  'api-versioning-strategy': {
    at: '004#6',
    anchor: 'handle versioning in your APIs',
    category: 'api-design',
    rubric: [
      'Chooses a versioning scheme, e.g., URI versioning (/api/v1/resource)',
      'Introduces breaking changes only in new versions so existing clients keep working',
      'Documents each version',
      'Publishes a clear deprecation policy for phasing out old versions',
      'Considers header versioning for finer-grained control',
    ],
    keyTerms: ['URI versioning', 'Header versioning', 'Breaking changes', 'Backward compatibility', 'Deprecation policy', 'API documentation'],
  },
  'cap-theorem-distributed-systems': {
    at: '004#7',
    anchor: 'CAP theorem',
    category: 'system-design',
    rubric: [
      'States the CAP theorem: a distributed data store cannot guarantee consistency, availability and partition tolerance at the same time',
      'Defines consistency: every read receives the most recent write or an error',
      'Defines availability: every request receives a response, which may not contain the most recent write',
      'Defines partition tolerance: the system keeps operating despite network partitions between nodes',
      'Explains the choice during a partition, CP (reject requests) vs. AP (serve stale data), driven by the application’s requirements',
    ],
    keyTerms: ['CAP theorem', 'Consistency', 'Availability', 'Partition tolerance', 'Network partition', 'CP', 'AP', 'Eric Brewer'],
  },
  'web-middleware-examples': {
    at: '004#8',
    anchor: 'role of middleware in a web application',
    category: 'technical',
    rubric: [
      'Explains middleware as a layer that processes requests and responses on their way between the server and the application',
      'Names the cross-cutting tasks it handles: authentication, logging, error handling, data transformation',
      'Gives concrete examples such as Express.js middleware, Passport.js, body-parser and CORS middleware',
    ],
    keyTerms: ['Middleware', 'Express.js', 'Passport.js', 'body-parser', 'CORS', 'Authentication', 'Logging', 'Error handling'],
  },
  'state-in-stateless-applications': {
    at: '004#9',
    anchor: 'manage state in a stateless application',
    category: 'architecture',
    rubric: [
      'Keeps user-specific data on the client (cookies, local storage) so the server stays stateless',
      'Uses session tokens or JWTs that carry state and are sent with each request',
      'Persists shared state in a database or an external cache',
      'Relates the approach to scalability and efficiency',
    ],
    keyTerms: ['Stateless architecture', 'Cookies', 'Local storage', 'Session token', 'JWT', 'External cache', 'Scalability'],
  },
  'backend-error-handling-practices': {
    at: '004#10',
    anchor: 'best practices for error handling',
    // Retries, graceful degradation and error logging are about keeping the service reliable.
    category: 'reliability-operations',
    rubric: [
      'Returns structured, consistent error responses (code, message, details)',
      'Logs errors with stack traces and context for debugging and monitoring',
      'Never exposes stack traces or sensitive data to clients',
      'Retries transient errors with exponential backoff',
      'Uses the correct HTTP status codes (e.g., 404, 500)',
      'Degrades gracefully and handles errors centrally (middleware or a central handler)',
    ],
    keyTerms: ['Structured error responses', 'HTTP status codes', 'Logging', 'Stack trace', 'Exponential backoff', 'Transient errors', 'Graceful degradation', 'Centralized error handling'],
    commonMistakes: ['Exposing stack traces or sensitive data in error messages sent to clients.', 'Returning the wrong HTTP status codes, which leaves clients unable to handle responses correctly.'],
  },
  'logging-and-monitoring-approach': {
    at: '004#11',
    anchor: 'approach logging and monitoring',
    category: 'reliability-operations',
    rubric: [
      'Uses structured logging at appropriate levels (info, warning, error)',
      'Aggregates logs from all services centrally (e.g., ELK Stack, Splunk)',
      'Tracks key metrics such as response times, error rates and resource usage with APM tools (New Relic, Datadog)',
      'Sets up alerts for critical issues',
      'Reviews logs and metrics regularly to spot trends and bottlenecks early',
    ],
    keyTerms: ['Structured logging', 'Log levels', 'Centralized logging', 'ELK Stack', 'Splunk', 'APM', 'New Relic', 'Datadog', 'Alerting'],
  },
  'synchronous-vs-asynchronous-programming': {
    at: '004#12',
    anchor: 'synchronous and asynchronous programming',
    category: 'language-runtime',
    rubric: [
      'Explains synchronous execution: tasks run in sequence, and a long-running task blocks the ones after it',
      'Explains asynchronous execution: the program continues with other work while waiting for a long-running operation',
      'Uses synchronous code for dependent steps that must run in order and need immediate results',
      'Uses asynchronous code for I/O-bound work such as network requests and file operations, e.g., a web server handling many requests',
    ],
    keyTerms: ['Synchronous programming', 'Asynchronous programming', 'Blocking', 'Concurrency', 'I/O-bound tasks'],
  },
  'docker-containerization-benefits': {
    at: '004#13',
    anchor: 'containerization technologies like Docker',
    // Packaging and deployment consistency: an operations topic.
    category: 'reliability-operations',
    rubric: [
      'Uses containers for consistent development environments (no “it works on my machine”)',
      'Packages applications with their dependencies for reliable deployment across environments such as staging and production',
      'Relates containers to microservices and to scaling and managing services',
      'Uses Docker Compose to run multi-container applications',
    ],
    keyTerms: ['Docker', 'Containers', 'Docker Compose', 'Dependencies', 'Consistent environments', 'Microservices'],
  },
  'production-data-migrations': {
    at: '004#14',
    anchor: 'data migrations in a production environment',
    category: 'databases',
    rubric: [
      'Takes a complete backup before migrating',
      'Writes a migration plan covering schema changes and data transformations',
      'Keeps migration scripts in version control to track changes and allow rollbacks',
      'Runs migrations off-peak to limit the impact on users',
      'Monitors the system afterwards, validates data integrity and documents the process',
    ],
    keyTerms: ['Data migration', 'Backup', 'Migration plan', 'Schema changes', 'Version control', 'Rollback', 'Data integrity'],
  },
  'backend-design-patterns': {
    at: '004#15',
    anchor: 'common design patterns',
    category: 'technical',
    rubric: [
      'Names common back-end patterns, such as Singleton, Factory and Repository',
      'Singleton: one instance with a global access point, e.g., for shared resources like database connections or configuration',
      'Factory: an interface for creating objects that decouples instantiation from business logic',
      'Repository: a collection-like interface that separates data access from business logic and eases testing',
      'Explains the benefit: scalable, maintainable and testable code',
    ],
    keyTerms: ['Design patterns', 'Singleton pattern', 'Factory pattern', 'Repository pattern', 'Data access layer', 'Testability'],
  },
  'application-scalability-techniques': {
    at: '004#16',
    anchor: 'ensure your application is scalable',
    category: 'system-design',
    rubric: [
      'Designs components to scale independently (e.g., microservices)',
      'Distributes traffic with load balancing',
      'Caches frequently accessed data (Redis, Memcached) to reduce database load',
      'Uses database sharding and replication for data volume and high availability',
      'Monitors performance (Prometheus, Grafana) to catch scalability issues early',
    ],
    keyTerms: ['Scalability', 'Microservices', 'Load balancing', 'Caching', 'Redis', 'Memcached', 'Sharding', 'Replication', 'High availability', 'Prometheus', 'Grafana'],
  },
};
