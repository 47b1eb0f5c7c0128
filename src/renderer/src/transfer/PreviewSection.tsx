import type { ReactNode } from 'react'
import type { TransferProblem } from '@shared/contract/transfer'
import { count } from './transfer-words'

/**
 * One part of an import's preview (notes or contacts): a titled section,
 * named by its title for screen readers. `id` is the title's, for what
 * inside is also named by it (a list, a table).
 */
export function PreviewSection({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section className="import-section" aria-labelledby={id}>
      <h3 id={id} className="transfer-section-title">
        {title}
      </h3>
      {children}
    </section>
  )
}

/** Each file (or line) an import or export leaves out, with why. */
export function ProblemList({ problems }: { problems: readonly TransferProblem[] }) {
  return (
    <ul className="transfer-list problems">
      {problems.map((p) => (
        // A file may be left out for more than one reason.
        <li key={`${p.path}:${p.reason}`}>
          <span className="transfer-path">{p.path}</span> — {p.reason}
        </li>
      ))}
    </ul>
  )
}

/** What a preview cannot import, when anything: "Cannot be imported (n)", each with why; `children`, a choice that may change that. */
export function ProblemsSection({ id, problems, children }: { id: string; problems: readonly TransferProblem[]; children?: ReactNode }) {
  if (problems.length === 0) return null
  return (
    <PreviewSection id={id} title={`Cannot be imported (${count(problems.length)})`}>
      <ProblemList problems={problems} />
      {children}
    </PreviewSection>
  )
}
