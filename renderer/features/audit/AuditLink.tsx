import { useRoute } from '../../state/route.js';

/** Header link to the Audit view. */
export function AuditLink() {
  const go = useRoute((s) => s.go);
  return (
    <a
      href="#/audit"
      className="indicator audit-link"
      data-testid="audit-link"
      title="Every change and every API call"
      onClick={(e) => {
        e.preventDefault();
        go({ name: 'audit' });
      }}
    >
      Audit
    </a>
  );
}
