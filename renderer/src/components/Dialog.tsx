/**
 * A modal dialog: role="dialog" with aria-modal and a labelled title; focuses its first field,
 * keeps Tab inside, closes on Escape and gives focus back to where it was. The app behind it
 * is made `inert` by App while a dialog is open.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

interface DialogProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Extra class on the dialog box (width). */
  readonly className?: string;
  /** Focus the first button rather than the first field (confirmations). */
  readonly focusButton?: boolean;
  /** Set while a dialog opened from this one sits on top (it cannot be reached meanwhile). */
  readonly inert?: boolean;
}

/** One modal dialog. */
export function Dialog({ title, onClose, children, className, focusButton = false, inert = false }: DialogProps) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const el = box.current;
    const first = el?.querySelector<HTMLElement>(focusButton ? 'button' : FOCUSABLE);
    (first ?? el)?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, [focusButton]);

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCloseRef.current();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-backdrop" inert={inert}>
      <div
        ref={box}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className={`dialog ${className ?? ''}`}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
