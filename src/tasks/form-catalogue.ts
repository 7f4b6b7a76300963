/** Form fields per task, read from the deployed diagram once per process definition. */
import type { EngineClient } from '../engine/client.js';
import { formFieldsOf, type FormField } from './form-fields.js';

export class FormCatalogue {
  // Deployed definitions never change, so their XML can be kept for the process's life.
  private readonly xml = new Map<string, Promise<string>>();

  constructor(private readonly engine: EngineClient) {}

  async fields(processDefinitionId: string, taskDefinitionKey: string): Promise<FormField[]> {
    let xml = this.xml.get(processDefinitionId);
    if (!xml) {
      xml = this.engine.processDefinitionXml(processDefinitionId);
      xml.catch(() => this.xml.delete(processDefinitionId));
      this.xml.set(processDefinitionId, xml);
    }
    return formFieldsOf(await xml, taskDefinitionKey);
  }
}
