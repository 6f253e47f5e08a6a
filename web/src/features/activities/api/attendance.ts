// GET/PUT /activities/{id}/attendance: the roll-call. PUT replaces the whole list, so a retry after
// a lost answer (a phone on a bad connection) never counts anyone twice.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { attendanceSchema, supportHoursSchema, type Attendance, type AttendanceRecord } from '../types';

export const attendanceKey = (id: number) => ['activities', 'attendance', id] as const;

export function useAttendance(id: number) {
  return useQuery({
    queryKey: attendanceKey(id),
    queryFn: ({ signal }) => apiRequest(`/activities/${id}/attendance`, attendanceSchema, { signal }),
  });
}

export function saveAttendance(id: number, records: AttendanceRecord[]): Promise<Attendance> {
  return apiRequest(`/activities/${id}/attendance`, attendanceSchema, { method: 'PUT', body: { records } });
}

export function useSaveAttendance(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (records: AttendanceRecord[]) => saveAttendance(id, records),
    retry: 2,
    onSuccess: (a) => queryClient.setQueryData(attendanceKey(id), a),
  });
}

export function useSupportHours(personId: number) {
  return useQuery({
    queryKey: ['activities', 'support-hours', personId],
    queryFn: ({ signal }) => apiRequest(`/people/${personId}/support-hours`, supportHoursSchema, { signal }),
  });
}
