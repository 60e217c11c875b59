// Adds a diagram (DI) to BPMN files: wires incoming/outgoing refs, drops any old diagram, lays out anew.
import { layoutProcess } from 'bpmn-auto-layout';
import { BpmnModdle } from 'bpmn-moddle';
import fs from 'fs';
const moddle = new BpmnModdle();
function wire(container) {
  const elements = container.flowElements || [];
  for (const e of elements) { if (e.$instanceOf('bpmn:FlowNode')) { e.incoming = []; e.outgoing = []; } }
  for (const e of elements) {
    if (e.$instanceOf('bpmn:SequenceFlow')) { e.sourceRef.outgoing.push(e); e.targetRef.incoming.push(e); }
  }
  for (const e of elements) { if (e.flowElements) wire(e); }
}
for (const f of process.argv.slice(2)) {
  let xml = fs.readFileSync(f, 'utf8');
  xml = xml.replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '');
  const { rootElement } = await moddle.fromXML(xml);
  for (const r of rootElement.rootElements) if (r.$type === 'bpmn:Process') wire(r);
  const { xml: wired } = await moddle.toXML(rootElement, { format: true });
  const out = await layoutProcess(wired);
  fs.writeFileSync(f, out);
}
