"use client";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";

/**
 * The composer's errors: the form-level sentence and each field's. Editing a field retires its
 * error and the summary; a failed submit takes focus to the first invalid field (opening "More
 * settings" if it is in there), or to the alert when no field is to blame. Nothing typed changes.
 */
export function useFormErrors(formRef: RefObject<HTMLFormElement | null>) {
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const alertRef = useRef<HTMLParagraphElement>(null);
  // Bumped by each failed submit: the effect below then takes focus to what needs fixing.
  const [failedSubmits, setFailedSubmits] = useState(0);

  const clearError = useCallback((name: string) => {
    setFormError(null);
    setFieldErrors((all) => {
      if (!(name in all)) return all;
      const rest = { ...all };
      delete rest[name];
      return rest;
    });
  }, []);

  const failed = useCallback((error: string, fields: Record<string, string> = {}) => {
    setFormError(error);
    setFieldErrors(fields);
    setFailedSubmits((n) => n + 1);
  }, []);

  const succeeded = useCallback(() => {
    setFormError(null);
    setFieldErrors({});
  }, []);

  useEffect(() => {
    if (failedSubmits === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const details = invalid?.closest("details");
    if (details && !details.open) details.open = true;
    const target = invalid ?? alertRef.current;
    target?.focus({ preventScroll: true });
    target?.scrollIntoView({ block: "center", behavior: "instant" });
  }, [failedSubmits, formRef]);

  return { formError, fieldErrors, clearError, failed, succeeded, alertRef };
}
