/** A calendar day ('YYYY-MM-DD') the way the owner's language writes it: "March 15, 2026", "15 de marzo de 2026". */
export function formatDay(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
