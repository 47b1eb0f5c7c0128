/** The words the brief uses for the domain's values and its days, shared with the app's brief page. */
export { channelWords, detailWords, openingWords, outcomeWords, stageWords, trustWords } from '../../shared/words'
export { weekdayDay } from '../../shared/dates'
