/**
 * Every operation of the JSON API: what it is for, who may call it, what it takes and what it
 * answers, plus a curl example. document.ts turns this table into OpenAPI 3.1; the contract test
 * checks the table covers every route under app/api.
 */
import type { Operation } from "./operation";
import { OTHER_OPERATIONS } from "./operations-admin";
import { JOB_OPERATIONS } from "./operations-jobs";

export type { Answer, Operation, Who } from "./operation";

export const OPERATIONS: Operation[] = [...JOB_OPERATIONS, ...OTHER_OPERATIONS];
