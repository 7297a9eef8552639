// Unit tests' stand-in for the shared rich-text editor (Quill on H5, tested in the H5 e2e suite; the
// native <editor> in the weapp suite): a text area that hands the form the Delta the editor would.
// A test opts in with `jest.mock('<path>/ui/rich-text/rich-editor')`.
import { Textarea } from '@tarojs/components';
import { textToDelta, type Delta } from '../delta';

export function RichEditor({ onChange, bodyTestId }: { onChange(d: Delta): void; bodyTestId: string }) {
  return <Textarea data-testid={bodyTestId} onInput={(e: { detail: { value: string } }) => onChange(textToDelta(e.detail.value))} />;
}
