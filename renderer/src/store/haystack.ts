/** The searchable text of a token: the shared rule, so the app finds what the CLI finds. */
export { tokenSearchText as haystackOf } from '../../../shared/domain/search';
