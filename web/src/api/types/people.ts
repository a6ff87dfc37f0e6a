/** The answers of the people routes (the contracts are in src/contracts/people.ts). */
export type {
  PeopleImportAnswer as PeopleImport,
  PeopleRegisterAnswer as PeopleRegister,
  PersonDetailAnswer as PersonDetail,
  PersonStepAnswer as PersonStep,
} from "../../../../src/contracts/people.ts";
