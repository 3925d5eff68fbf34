// Public API of the report renderers (pure apart from the PNG encoder; no Discord or database).
export type { ParticipationRow, ReminderStageStats, WeeklyPoint } from './types.js';
export { toParticipationRows, toWeeklyPoints } from './from-core.js';
export { participationCsv, participationCsvHeader, PARTICIPATION_NUMBER_COLUMNS, type ParticipationCsvOptions } from './participation-csv.js';
export { participationChart, participationChartPng, type ChartImage, type ParticipationChartOptions } from './participation-chart.js';
export { completionChartConfig, studentsToChart } from './completion-chart.js';
export { THEME as CHART_THEME } from './chart-theme.js';
export { participationPages, type ParticipationPagesOptions } from './participation-pages.js';
export { remindersReportText, stageLabel, type RemindersReportOptions } from './reminders-report-text.js';
