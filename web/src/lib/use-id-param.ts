// A numeric record id from the address (":familyId"); null when it is not a positive whole number.
import { useParams } from 'react-router';

export function useIdParam(name: string): number | null {
  const value = useParams()[name];
  const id = Number(value);
  return value !== undefined && Number.isInteger(id) && id > 0 ? id : null;
}
