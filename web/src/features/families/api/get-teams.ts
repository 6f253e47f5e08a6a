// GET /teams: the teams a family can belong to (a worker may only create families in their own team).
export { useTeams } from '@/features/users/api/get-teams';
