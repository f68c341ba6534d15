import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

interface CommittedInputProps extends Omit<
  JSX.InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onInput' | 'onChange'
> {
  /** What is stored, as text; shown whenever nothing typed is waiting. */
  value: string;
  /** The typed text, once committed (blur, change or Enter); resolves `true` once it is stored. */
  onCommit: (text: string) => boolean | Promise<boolean>;
}

/**
 * A text field that saves when the typing is committed, not on every key. What was typed
 * stays in the field until it is stored: a value refused (or that could not be stored) is
 * kept for the user to fix, and leaving the page with it asks first.
 */
export function CommittedInput({ value, onCommit, ...attributes }: CommittedInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const typed = useRef<string | null>(null);
  const committed = useRef<string | null>(null);

  const commit = async (text: string) => {
    // Enter, then the change event of the same edit: one commit.
    if (typed.current === null || committed.current === text) return;
    committed.current = text;
    const stored = await onCommit(text);
    // Not stored: the same text may be committed again (Enter retries). Typing since is a new edit and stays.
    if (!stored) committed.current = null;
    else if (typed.current === text) {
      typed.current = null;
      setDraft(null);
    }
  };

  useUnsavedWarning(draft !== null);
  return (
    <input
      {...attributes}
      value={draft ?? value}
      onInput={(event) => {
        typed.current = event.currentTarget.value;
        committed.current = null;
        setDraft(event.currentTarget.value);
      }}
      onChange={(event) => void commit(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') void commit(event.currentTarget.value);
      }}
    />
  );
}

/** While an edit is not stored, closing or reloading the page asks first (the browser's own prompt). */
function useUnsavedWarning(unsaved: boolean) {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [unsaved]);
}
