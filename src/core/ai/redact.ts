// Personal data stays in the company: e-mail addresses and phone numbers are replaced before any text goes to a
// language model. Numbers with fewer than 9 digits (dates, amounts, short order numbers) are kept: they help.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const PHONE_LIKE = /(?<![\p{L}\p{N}])\+?\d[\d\s().-]{6,}\d(?![\p{L}\p{N}])/gu;

export const EMAIL_MARK = "[e-mail]";
export const PHONE_MARK = "[phone]";

export function redact(text: string): string {
  return text.replace(EMAIL, EMAIL_MARK).replace(PHONE_LIKE, (match) => {
    const digits = match.replace(/\D/g, "").length;
    return digits >= 9 && digits <= 15 ? PHONE_MARK : match;
  });
}
