/** The answers of the session and account routes, typed by their contracts (src/contracts). */
export type {
  AccountSession,
  Action,
  InvitationPreview,
  LoginResult,
  Membership,
  Session,
  SessionUser,
  TotpSetup,
} from "../../../../src/contracts/session.ts";
