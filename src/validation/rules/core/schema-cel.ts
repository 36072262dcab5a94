import { Severity } from '../../diagnostic';
import { Rule, finding } from '../../rule';
import { admissions, admit } from '../../schema/admit';

/**
 * The CRDs' own CEL rules (x-kubernetes-validations), extracted from the pinned CRDs by gen:schemas and
 * evaluated by a CEL implementation (@bufbuild/cel) on the defaulted object, after the OpenAPI checks,
 * as the API server does: never transcribed by hand.
 */
export const schemaCelRule: Rule = {
  id: 'ESO-SCHEMA-CEL',
  severity: Severity.ERROR,
  yieldsOnSameField: true,
  description: "objects must satisfy the pinned CRD's CEL x-kubernetes-validations rules (the rule's message at the rule's field)",
  example: 'GitlabDeployToken with both spec.projectID and spec.groupID (has(self.projectID) != has(self.groupID))',
  checkObject(m, ctx) {
    return (admit(m, admissions(ctx.index))?.cel ?? []).map(v => finding(v.field, v.message,
      v.evaluationError ? 'simplify the object (the API server reports the same evaluation failure)' : `satisfy the CRD rule \`${v.rule}\``));
  },
};
