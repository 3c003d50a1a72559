/**
 * The registry of checks: every validator of spec-format.md's code table, one per
 * code. A new rule is a new file and a line here. yaml-syntax and duplicate-key are
 * not validators: the YAML tree finds them while it is built (yamlTree.ts).
 */
import { badAgent } from './badAgent';
import { badDuration } from './badDuration';
import { badMetaValue } from './badMetaValue';
import { badOpOption } from './badOpOption';
import { badPropertyValue } from './badPropertyValue';
import { badScore } from './badScore';
import { deprecated } from './deprecated';
import { duplicateId } from './duplicateId';
import { groupConflict } from './groupConflict';
import { invalidId } from './invalidId';
import { missingField } from './missingField';
import { missingParam } from './missingParam';
import { opTimeoutShort } from './opTimeoutShort';
import { paramType } from './paramType';
import { paramValue } from './paramValue';
import { stashCloned } from './stashCloned';
import { stashHomeInInst } from './stashHomeInInst';
import { stashHomeNotShared } from './stashHomeNotShared';
import { stonithDisabled } from './stonithDisabled';
import { typeMismatch } from './typeMismatch';
import { Validator } from './types';
import { uniqueParam } from './uniqueParam';
import { unknownAgent } from './unknownAgent';
import { unknownKey } from './unknownKey';
import { unknownMeta } from './unknownMeta';
import { unknownNode } from './unknownNode';
import { unknownOp } from './unknownOp';
import { unknownParam } from './unknownParam';
import { unknownProperty } from './unknownProperty';
import { unknownResource } from './unknownResource';
import { versionMismatch } from './versionMismatch';
import { vipNotColocated } from './vipNotColocated';

/** Every check, in the order of the code table. */
export const ALL_VALIDATORS: readonly Validator[] = [
  unknownKey, typeMismatch, missingField, invalidId, duplicateId,
  badAgent, unknownAgent, unknownParam, missingParam, paramType, paramValue, uniqueParam, unknownOp,
  badDuration, opTimeoutShort, badOpOption, unknownMeta, badMetaValue, badScore,
  unknownResource, unknownNode, groupConflict,
  unknownProperty, badPropertyValue,
  stashCloned, stashHomeInInst, vipNotColocated, stashHomeNotShared,
  stonithDisabled,
  versionMismatch, deprecated,
];
