/**
 * Hand edits of seed 001, "Senior Fullstack Developer Interview Questions".
 *
 * The source omits every question sentence: each `text` below is written by hand from the answer
 * framework, the STAR example, the key points and the "How to Answer" bullets, as an interviewer would
 * ask it (the bank marks these `textDerived`). The source gives no categories either. Rubric points,
 * key terms, signals and mistakes come from the source as parsed; the concatenated "Key Points" and
 * "Key Terminology" lists were split by the parser and checked here item by item (all 15 split correctly
 * once camel-case names such as "gRPC", "RabbitMQ" and "DevTools" were protected).
 *
 * Anchors are phrases from each answer framework (the only text that identifies the question).
 */
import type { EditSet } from './types';

export const EDITS_001: EditSet = {
  'strangler-fig-monolith-migration': {
    at: '001#1',
    anchor: 'Employ the Strangler Fig pattern with a phased, risk-mitigated approach',
    text: 'We have a large legacy monolith that we want to move to microservices without disrupting the business. How would you approach the migration, and how would you keep the risk under control?',
    category: 'architecture',
  },
  'global-distributed-caching-strategy': {
    at: '001#2',
    anchor: 'multi-layered caching strategy',
    text: 'How would you design a distributed caching strategy for a high-traffic application that serves users around the world? Walk me through consistency, invalidation, cache misses and keeping the regions in sync.',
    category: 'system-design',
  },
  'realtime-collaborative-editor-design': {
    at: '001#3',
    anchor: 'Operational Transformation (OT) or Conflict-free Replicated Data Types (CRDTs)',
    text: 'Design a real-time collaborative document editor, something like Google Docs, for users in many regions. What architecture, communication protocols and synchronization approach would you choose, and how would you keep it highly available?',
    category: 'system-design',
  },
  'leading-cross-functional-fullstack-project': {
    at: '001#4',
    anchor: 'Employ a CIRCLES framework: Comprehend the problem',
    text: 'Tell me about a complex fullstack project where you led a cross-functional team. How did you handle the technical challenges and keep the team aligned through delivery?',
    category: 'behavioral',
  },
  'advocating-for-technical-debt': {
    at: '001#5',
    anchor: 'Comprehend the situation (identify tech debt)',
    text: 'Tell me about a time you identified significant technical debt and advocated for fixing it. How did you quantify its impact, get buy-in, and measure the result?',
    category: 'behavioral',
  },
  'cross-stack-performance-debugging': {
    at: '001#6',
    anchor: 'CIRCLES Method for Complex Debugging',
    text: 'Describe a time you worked with a backend engineer to debug a performance problem that spanned the frontend and the backend. How did you find the root cause, and what was the outcome?',
    // A STAR story, but what it probes is performance debugging across the stack (tools, root causes, fixes).
    category: 'performance',
  },
  'project-failure-lessons-learned': {
    at: '001#7',
    anchor: 'Employ the STAR method: Situation',
    text: 'Tell me about a project that failed or suffered a significant setback. What was your role in it, what did you learn, and how have you applied those lessons since?',
    category: 'behavioral',
  },
  'mentoring-junior-developer': {
    at: '001#8',
    anchor: 'CIRCLES Method for problem-solving and mentorship',
    text: 'Tell me about a time you mentored a junior developer through a difficult technical problem. How did you guide them without simply handing them the answer, and how did you support their growth afterwards?',
    category: 'behavioral',
    // The source's STAR blocks are scrambled here: the "Action" block holds the situation plus inline
    // "Task:" and "Action:" labels and ends in a truncated "Resul"; the result follows under "Task".
    starExample: {
      situation: 'A complex JOIN operation on large tables was slowing down our primary API endpoint by 300ms.',
      task: 'Guide them to optimize the query and understand performance tuning.',
      action:
        'I first reviewed their query, then introduced them to EXPLAIN ANALYZE for PostgreSQL, demonstrating how to interpret its output. We collaboratively identified missing indexes and inefficient WHERE clauses. I then tasked them with implementing the index and refactoring the query.',
      result:
        'The junior successfully reduced query latency by 85%, improving overall API response time and gaining confidence in database optimization techniques.',
    },
  },
  'deployment-outage-data-corruption-incident': {
    at: '001#9',
    anchor: 'CIRCLES Method for Incident Response',
    text: 'You deploy a critical feature and it immediately causes widespread outages and data corruption. The CEO wants answers and the team is panicking. Walk me through how you handle it.',
    category: 'reliability-operations',
  },
  'third-party-api-deprecation-migration': {
    at: '001#10',
    anchor: 'breakdown of API changes and their impact on existing features',
    text: 'A third-party API your product depends on is being deprecated, with a short migration window, while the team still has features to ship. How would you plan and lead the migration?',
    // Technical leadership and migration planning rather than designing an API: the general technical bucket.
    category: 'technical',
  },
  'critical-library-vulnerability-remediation': {
    at: '001#11',
    anchor: 'Employ the RICE framework for risk assessment',
    text: "Just before a major release, a critical security vulnerability is found in a core third-party library, and the vendor's patch needs significant refactoring. How would you assess the risk, communicate with leadership, and lead the remediation?",
    category: 'security',
  },
  'fullstack-motivation-continuous-learning': {
    at: '001#12',
    anchor: 'Comprehend the core of fullstack excitement',
    text: 'What excites you most about fullstack development, and how do you stay motivated and keep learning as the technologies keep changing?',
    category: 'behavioral',
  },
  'learning-new-framework-tight-deadline': {
    at: '001#13',
    anchor: "'Learn-by-Doing' and 'Spaced Repetition' frameworks",
    text: 'Suppose you had to deliver a project on a tight deadline in a framework or language you have never used. How would you feel about that, and how would you get up to speed quickly without sacrificing quality?',
    category: 'behavioral',
  },
  'event-driven-realtime-analytics-platform': {
    at: '001#14',
    anchor: 'Employ a CQRS and Event Sourcing pattern',
    text: 'How would you design an event-driven microservices architecture for a real-time analytics platform that needs low-latency ingestion? Explain how you would make it fault tolerant and keep the data correct.',
    category: 'system-design',
  },
  'high-scale-ecommerce-architecture': {
    at: '001#15',
    anchor: 'Decompose into independent services (e.g., Product, Cart, Order, Payment, User)',
    text: 'How would you architect an e-commerce platform that must handle millions of concurrent users and thousands of transactions per second, while staying scalable, resilient and consistent?',
    category: 'system-design',
    // The source tells this story as one paragraph without S/T/A/R labels; split here sentence by sentence.
    starExample: {
      situation:
        'A legacy e-commerce platform was struggling with peak traffic: the system frequently crashed during flash sales, leading to a 15% revenue loss.',
      task: 'In a previous role, I led the architectural redesign of the platform.',
      action:
        'I proposed and implemented a microservices architecture, leveraging Kafka for inter-service communication and Cassandra for the product catalog. We containerized services with Docker and orchestrated them using Kubernetes on AWS.',
      result:
        'This initiative significantly improved system stability, allowing us to handle 5x previous peak loads without degradation and reducing downtime by 90% during high-traffic events.',
    },
  },
};
