/**
 * Import tokens from a file, as a wizard: 1 the file (format, then main's open dialog), 2 the
 * options (account, client, default platform, CSV columns), 3 the preview main builds — every
 * row and what would happen to it — then Import. Back goes a step back; previewing again
 * after changing an option builds a new plan. Values stay in main throughout.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { DialogError, useDialogAction } from '../../components/dialog-action';
import { useStore } from '../../store';
import type { ImportChosen, ImportFormat, ImportPreview } from '../../store/file-flows-slice';
import { EMPTY_OPTIONS, initialMapping, toPreviewRequest, type ImportOptions, type OptionErrors } from './import-options';
import { ImportOptionsStep } from './ImportOptionsStep';
import { ImportPreviewStep } from './ImportPreviewStep';
import { ImportSourceStep } from './ImportSourceStep';

type Step = 'source' | 'options' | 'preview';
const STEP_TITLE: Readonly<Record<Step, string>> = {
  source: 'Step 1 of 3: the file',
  options: 'Step 2 of 3: options',
  preview: 'Step 3 of 3: preview',
};

/** The wizard. */
export function ImportDialog() {
  const chooseImportFile = useStore((s) => s.chooseImportFile);
  const previewImport = useStore((s) => s.previewImport);
  const applyImport = useStore((s) => s.applyImport);
  const closeDialog = useStore((s) => s.closeDialog);
  const [step, setStep] = useState<Step>('source');
  const [format, setFormat] = useState<ImportFormat>('env');
  const [file, setFile] = useState<ImportChosen | null>(null);
  const [options, setOptions] = useState<ImportOptions>(EMPTY_OPTIONS);
  const [errors, setErrors] = useState<OptionErrors>({});
  const [missing, setMissing] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const { error, setError, busy, run } = useDialogAction();
  const stepTitle = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef<Step>(step);
  const base = useId();
  const chooseId = `${base}-choose`;
  const idOf = (field: keyof OptionErrors) => `${base}-opt-${field}`;

  // A new step replaces the old one in place: move focus to its title (not on opening, where
  // the dialog focuses the first field; comparing steps also holds when effects run twice).
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    stepTitle.current?.focus();
  }, [step]);

  const go = (next: Step) => {
    setError(null);
    setStep(next);
  };

  const onFormat = (f: ImportFormat) => {
    if (f === format) return;
    setFormat(f);
    setFile(null); // a CSV's columns belong to the file read as CSV: choose again
    setOptions((o) => ({ ...o, mapping: {} }));
  };

  const choose = () =>
    void run(async () => {
      const chosen = await chooseImportFile(format);
      if (chosen !== null) {
        setFile(chosen);
        setMissing(null);
        setOptions((o) => ({ ...o, mapping: initialMapping(chosen) }));
        setErrors({});
      }
      return '';
    });

  const onPreview = () => {
    if (file === null) return;
    const req = toPreviewRequest(file.fileId, format, options);
    setErrors(req.ok ? {} : req.errors);
    if (!req.ok) {
      const first = (Object.keys(req.errors) as (keyof OptionErrors)[])[0];
      if (first) document.getElementById(idOf(first))?.focus();
      return;
    }
    void run(async () => {
      setPreview(await previewImport(req.value));
      go('preview');
      return '';
    });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (step === 'source') {
      if (file === null) {
        setMissing('Choose a file first.');
        document.getElementById(chooseId)?.focus();
      } else go('options');
    } else if (step === 'options') onPreview();
    else if (preview !== null && preview.counts.import > 0) {
      void run(async () => {
        await applyImport(preview.planId);
        closeDialog();
      });
    }
  };

  const back = step === 'options' ? 'source' : step === 'preview' ? 'options' : null;
  return (
    <Dialog title="Import tokens" onClose={closeDialog} className="dialog-wide">
      <form onSubmit={onSubmit} noValidate className="settings-form">
        <h3 ref={stepTitle} tabIndex={-1} className="step-title">
          {STEP_TITLE[step]}
        </h3>
        {step === 'source' && <ImportSourceStep format={format} onFormat={onFormat} file={file} onChoose={choose} busy={busy} missing={missing} chooseId={chooseId} />}
        {step === 'options' && file !== null && <ImportOptionsStep format={format} file={file} options={options} errors={errors} onChange={setOptions} idOf={idOf} />}
        {step === 'preview' && preview !== null && <ImportPreviewStep preview={preview} />}
        <DialogError error={error} />
        <div className="button-row dialog-buttons">
          <button type="button" onClick={closeDialog}>
            Cancel
          </button>
          {back !== null && (
            <button type="button" disabled={busy} onClick={() => go(back)}>
              Back
            </button>
          )}
          <button type="submit" className="primary" disabled={busy || (step === 'preview' && (preview?.counts.import ?? 0) === 0)}>
            {step === 'source' ? 'Next' : step === 'options' ? 'Preview' : 'Import'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
