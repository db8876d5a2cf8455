/** A text resource (quick-start steps, an FAQ answer) as a page: its title and its paragraphs. */
export function ResourceText({ title, body }: { title: string; body: string }) {
  return (
    <article className="card">
      <h1>{title}</h1>
      {body.split(/\n{2,}/).map((paragraph) => <p key={paragraph}>{paragraph}</p>)}
    </article>
  );
}
