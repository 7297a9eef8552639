// Unit tests' stand-in for the shared rich-text editor (Quill on H5, tested in the H5 e2e suite; the
// native <editor> in the weapp suite): a text area that hands the form the Delta the editor would.
// With `uploadImage` it also has the image tool (`<testId>-tool-image`), which does what the real
// one does: calls the upload, embeds the reference it resolves with after the text (nothing when it
// resolves null) and hands a thrown error's message to `onError`.
// A test opts in with `jest.mock('<path>/ui/rich-text/rich-editor')`.
import { Textarea, View } from '@tarojs/components';
import { useRef } from 'react';
import { textToDelta, type Delta } from '../delta';
import type { RichEditorProps } from '../rich-editor.types';

export function RichEditor({ onChange, uploadImage, onError, testId = 'rich-editor', bodyTestId = `${testId}-body` }: RichEditorProps) {
  const text = useRef('');
  const images = useRef<string[]>([]);
  const emit = () => onChange({ ops: [...textToDelta(text.current).ops, ...images.current.flatMap((image) => [{ insert: { image } }, { insert: '\n' }])] } as Delta);
  const addImage = async () => {
    try {
      const ref = await uploadImage?.();
      if (!ref) return;
      images.current = [...images.current, ref];
      emit();
    } catch (e) {
      onError?.(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <View data-testid={testId}>
      <Textarea data-testid={bodyTestId} onInput={(e: { detail: { value: string } }) => {
        text.current = e.detail.value;
        emit();
      }} />
      {uploadImage ? <View data-testid={`${testId}-tool-image`} onClick={() => void addImage()}>图片</View> : null}
    </View>
  );
}
