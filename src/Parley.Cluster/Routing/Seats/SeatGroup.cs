namespace Parley.Cluster.Routing.Seats;

/// <summary>
/// The channel groups seats are rented in. A signed-in agent holds one seat in every group their channel
/// capacities name: an agent with voice and chat capacity holds a voice seat and a digital seat.
/// </summary>
public enum SeatGroup
{
    Voice = 0,
    Digital = 1,
    Video = 2,
}
