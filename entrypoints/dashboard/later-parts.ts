// The dashboard's sections under the chart, loaded after its cards (with the CSV export's code).
export { Habits } from './Habits';
export { WindowsTable } from './WindowsTable';
