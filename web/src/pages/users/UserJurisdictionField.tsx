/**
 * The jurisdiction of an account, chosen from the tree (every administrator may read it); a user
 * without the tree can use their own jurisdiction or keep the account's.
 */
import { Select } from 'antd';
import { JurisdictionTreeSelect } from '../../components/JurisdictionTreeSelect.tsx';
import { useSession } from '../../session/SessionProvider.tsx';

export function UserJurisdictionField({
  value,
  onChange,
  current,
  id,
}: {
  value?: number;
  onChange?: (id: number | undefined) => void;
  current?: { id: number; name: string };
  id?: string;
}) {
  const { can, user } = useSession();
  if (can('jurisdictions.read'))
    return <JurisdictionTreeSelect id={id} value={value} onChange={onChange} allowClear={false} />;
  const options = [user?.jurisdiction, current].filter(
    (j): j is { id: number; name: string } => !!j && j.id > 0,
  );
  const unique = [...new Map(options.map((o) => [o.id, o])).values()];
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={unique.map((j) => ({ value: j.id, label: j.name }))}
    />
  );
}
