export { applySectionEdit } from './apply-section-edit';
export { readSection } from './read-section';
export { ConfigEditError } from './errors';
export type { ConfigEditErrorCode } from './errors';
export { formatScalar } from './scalar';
export type { EditMapping, EditValue, SectionEdit } from './types';
