/** The answers of the training routes (see src/contracts/training.ts for the server's side). */
export type {
  ModuleStanding,
  MyTrainingModule,
  QuizResult,
  TraineeStatus,
  TrainingCompletion,
  TrainingImportResult,
  TrainingModuleView,
  TrainingRoster,
  TrainingStatus,
} from "../../../../src/contracts/training.ts";
